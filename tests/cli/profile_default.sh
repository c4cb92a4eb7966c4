"$MVEC" profile
