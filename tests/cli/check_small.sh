"$MVEC" check --no-embedded --data bns_small.csv
