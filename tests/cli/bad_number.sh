"$MVEC" profile --data bad_number.csv
