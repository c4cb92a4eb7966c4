# independent recomputation (tests/independent/*.py, Python standard library, not libmvec) of
# what mvec reports from the built-in official series, compared with mvec's full-precision JSON
# (`profile --exact`) to 1e-12 relative (1e-15 absolute near zero): every partner share (both
# ends) and HHI of turnover, exports and
# imports, and the shares the claim "Russia and the EU almost always share first place" reads,
# from the Bureau's raw table (the 2021-2023 slice shipped in examples/data; with the shared
# datasets, the full 2018-2023 table too, and the reporter-vs-mirror comparison with Eurostat's
# raw monthly file): a year that differs is printed and fails the test; each script ends with
# the count of numbers it compared
root="$FIXTURES/../.."
python3 "$root/tests/independent/bns_trade.py" "$MVEC" "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv"
bureau="$SHARED/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv"
eurostat="$SHARED/eurostat-eu-exports-to-kaz/eu_exports_to_kaz_monthly_2019_2024.csv"
if [ -r "$bureau" ] && [ -r "$eurostat" ]; then
    python3 "$root/tests/independent/bns_trade.py" "$MVEC" "$bureau" |
        grep -v -e ': agrees$' -e ' numbers compared to 1e-12 relative$'
    python3 "$root/tests/independent/eurostat_mirror.py" "$MVEC" "$bureau" "$eurostat" |
        grep -v -e ': agrees$' -e ' numbers compared to 1e-12 relative$'
fi
exit 0
