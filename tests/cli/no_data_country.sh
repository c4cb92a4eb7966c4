"$MVEC" profile Brazil
