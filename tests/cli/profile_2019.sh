"$MVEC" profile --year 2019
