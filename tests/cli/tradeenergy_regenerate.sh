# the official series built in (data/kaz/official_bns_trade.csv, official_ei_gas.csv,
# official_eurostat_kaz.csv) are what tools/official/*.sh make from the shared datasets with
# this mvec: with the datasets present each is regenerated and must be byte-identical (a
# difference is printed and fails the test); without them only the committed files are counted
root="$FIXTURES/../.."
for name in bns_trade ei_gas eurostat_kaz; do
    committed="$root/data/kaz/official_$name.csv"
    echo "official_$name.csv: $(($(wc -l < "$committed") - 1)) rows"
    if [ -d "$SHARED" ]; then
        sh "$root/tools/official/$name.sh" "$MVEC" "$SHARED" > regenerated.csv ||
            echo "$name.sh: exit $?"
        cmp -s regenerated.csv "$committed" ||
            { echo "official_$name.csv differs from what $name.sh makes:"; diff "$committed" regenerated.csv | head -5; }
    fi
done
