"$MVEC" check
