# Too little data: the built-in data have no computable China share before 2013, so the break
# test is not run (verdict undecided, exit 0); a change between incomplete distributions is
# not decomposed (exit 1, the reason on standard error, nothing on standard output)
"$MVEC" trend --vector trade.total --partner CHN --break 2013; echo "exit $?"
"$MVEC" trend --vector trade.total --explain 2021 2022; echo "exit $?"
"$MVEC" trend --vector trade.total --explain 2000 2016 --no-embedded \
    --data "$FIXTURES/itpd/itpd_kaz_2000_2016.csv" --format csv | tail -1; echo "exit $?"
