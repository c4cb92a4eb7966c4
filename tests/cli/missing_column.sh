"$MVEC" profile --data missing_column.csv
