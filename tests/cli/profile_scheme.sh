"$MVEC" profile --blocs scheme_two.csv --weights trade.total=1,institutions=0
