"$MVEC" help shares
