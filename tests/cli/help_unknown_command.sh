"$MVEC" help frobnicate
