# the Bureau's real table, as published: the slice shipped in examples/data (2021-2023).
# With the shared datasets, the full 2018-2023 table must give the same profile rows (its
# latest year is the slice's; only the notes' list of other years differs): a difference
# is printed and fails the test.
cp "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv" .
"$MVEC" profile --no-embedded --data kaz_trade_by_partner_2021_2023.csv > slice.out
code=$?
cat slice.out
full="$SHARED/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv"
if [ -r "$full" ]; then
    "$MVEC" profile --no-embedded --data "$full" > full.out || echo "full table: exit $?"
    grep -E '^(trade|composite)' slice.out > slice.rows
    grep -E '^(trade|composite)' full.out > full.rows
    cmp -s slice.rows full.rows || { echo "the full table gives other rows:"; diff slice.rows full.rows; }
fi
exit $code
