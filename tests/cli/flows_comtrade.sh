# Issue 7, points 1 and 10: `mvec flows import` of UN Comtrade CSV, the data API / bulk layout
# and the legacy one (tests/data/flows/comtrade_*_fixture.csv, hand-made in Comtrade's
# documented layouts, tests/data/flows/SOURCE.md): the rows kept (bilateral HS6 X and M), the
# rows left out counted by reason in one warning, unknown M49 codes kept with a warning; then
# `flows list`; a bulk file as Comtrade ships it (tab-separated, gzip); values with fractions of a dollar (Comtrade+ publishes thousandths) kept
# exact through composition and refused by the flow queries, which sum whole dollars; then the
# hostile variants (a missing column, a bad number, four decimals, an unknown flow code,
# invalid UTF-8, annual mixed with monthly, a truncated line): file:line:column, exit 3, and
# no cache left.
cp "$FIXTURES"/flows/comtrade_*.csv .
hide() { sed 's/[0-9a-f]\{16\}\.mvf/X.mvf/g; s|/[^ ]*/flows_comtrade/||g; s/sha256 [0-9a-f]*/sha256 X/'; }
"$MVEC" flows import comtrade_kaz_2022_fixture.csv comtrade_legacy_kaz_2019_fixture.csv \
    --workspace ws.sqlite
echo "exit $?"
"$MVEC" flows list --workspace ws.sqlite | hide | sort
echo "-- unchanged"
"$MVEC" flows import comtrade_kaz_2022_fixture.csv --workspace ws.sqlite
echo "exit $?"
echo "-- a bulk file: tab-separated, gzip, named as Comtrade names it"
gzip -c "$FIXTURES"/flows/comtrade_bulk_kaz_2022_fixture.txt > 'COMTRADE-FINAL-CA398202200H6[2023-01-03].gz'
"$MVEC" flows import 'COMTRADE-FINAL-CA398202200H6[2023-01-03].gz' --workspace ws.sqlite 2>/dev/null
echo "exit $?"
echo "-- fractions"
"$MVEC" flows import comtrade_kaz_2023_fractions_fixture.csv --workspace ws.sqlite 2>/dev/null
"$MVEC" composition KAZ --data comtrade_kaz_2023_fractions_fixture.csv --format csv 2>/dev/null
printf 'code,bloc\n156,CHN\n' > blocs.csv
"$MVEC" flows query q1 comtrade_kaz_2023_fractions_fixture.csv out blocs.csv 2>&1 | hide | tail -2
echo "-- hostile"
for f in comtrade_bad_*.csv; do
    "$MVEC" flows import "$f" --workspace bad.sqlite --threads 2
    echo "exit $?"
done
ls bad.sqlite.flows 2>/dev/null | wc -l | sed 's/^/cache files left: /'
