"$MVEC" profile --data short_row.csv
