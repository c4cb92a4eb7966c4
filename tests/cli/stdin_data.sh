# --data - reads standard input
"$MVEC" shares --no-embedded --data - --format csv < bns_small.csv
