"$MVEC" frobnicate
