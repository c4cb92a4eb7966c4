"$MVEC" shares --no-embedded --data bns_small.csv --vector trade.exports
