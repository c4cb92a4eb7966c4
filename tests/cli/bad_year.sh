"$MVEC" profile --year 20x2
