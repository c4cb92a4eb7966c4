# The same break test as JSON (every number unrounded), and the series as CSV
"$MVEC" trend KAZ --vector trade.total --partner CHN --break 2013 --no-embedded \
    --data "$FIXTURES/itpd/itpd_kaz_2000_2016.csv" --format json
"$MVEC" trend KAZ --vector trade.total --partner CHN --break 2013 --no-embedded \
    --data "$FIXTURES/itpd/itpd_kaz_2000_2016.csv" --format csv
