"$MVEC" profile --blocs missing.csv
