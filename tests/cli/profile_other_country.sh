"$MVEC" profile Uzbekistan --no-embedded --data uzb_trade.csv
