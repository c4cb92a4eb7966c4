"$MVEC" profile --data missing.csv
