# every partner's share of Kazakhstan's 2021 imports, computed and as published, from the
# slice shipped in examples/data; with the shared datasets, the full table (which also
# holds the superseded 2021 rows of an earlier release) must list the same.
cp "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv" .
"$MVEC" shares --no-embedded --data kaz_trade_by_partner_2021_2023.csv --year 2021 \
    --vector trade.imports > slice.out
code=$?
head -15 slice.out
full="$SHARED/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv"
if [ -r "$full" ]; then
    "$MVEC" shares --no-embedded --data "$full" --year 2021 --vector trade.imports > full.out
    cmp -s slice.out full.out || { echo "the full table gives other shares:"; diff slice.out full.out; }
fi
exit $code
