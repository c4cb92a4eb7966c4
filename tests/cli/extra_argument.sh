"$MVEC" profile KAZ RUS
