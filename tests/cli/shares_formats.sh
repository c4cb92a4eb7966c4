# shares works in every format its help lists (table, csv, json)
for format in table csv json; do
    "$MVEC" shares --no-embedded --data bns_small.csv --vector trade.exports --format $format ||
        exit 1
done
