"$MVEC" profile --weights trade.export=2
