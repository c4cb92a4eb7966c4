"$MVEC" sources --partner Narnia
