"$MVEC" shares --no-embedded --data bns_small.csv --format csv
