"$MVEC" profile --year 2030
