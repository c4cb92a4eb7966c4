"$MVEC" profile Narnia
