"$MVEC" profile --data unterminated.csv
