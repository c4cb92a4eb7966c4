"$MVEC" profile --blocs scheme_twice.csv
