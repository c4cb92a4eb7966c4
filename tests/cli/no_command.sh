"$MVEC"
