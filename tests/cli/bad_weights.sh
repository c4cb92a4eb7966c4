"$MVEC" profile --weights trade.exports
