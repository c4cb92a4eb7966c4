"$MVEC" check --data bns_small.csv --no-embedded --format table
