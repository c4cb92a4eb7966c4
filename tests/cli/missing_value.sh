"$MVEC" profile --year
