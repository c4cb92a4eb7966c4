"$MVEC" profile --data unknown_unit.csv
