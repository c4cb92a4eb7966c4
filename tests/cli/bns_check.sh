# the seed articles' claims checked with the Bureau's 2021-2023 table (examples/data) added.
# With the shared datasets, the full 2018-2023 table must run too and judge the claim that
# needs only 2022 and 2023 (china-top-2023) the same way: a difference fails the test.
cp "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv" .
"$MVEC" check --data kaz_trade_by_partner_2021_2023.csv > slice.out
code=$?
cat slice.out
full="$SHARED/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv"
if [ -r "$full" ]; then
    "$MVEC" check --data "$full" > full.out || echo "full table: exit $?"
    claim() { awk '/^china-top-2023:/ { on = 1 } on && /^$/ { exit } on' "$1"; }
    claim slice.out > slice.claim
    claim full.out > full.claim
    [ -s slice.claim ] || echo "no claim china-top-2023 in the output"
    cmp -s slice.claim full.claim || { echo "the full table judges otherwise:"; diff slice.claim full.claim; }
fi
exit $code
