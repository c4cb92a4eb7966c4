"$MVEC" profile --no-embedded --data uzb_trade.csv UZB --format table
