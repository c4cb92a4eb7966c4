# The seed claim "trade dependence on China has been relatively stable, both before and after
# the BRI" on ITPD-E (Kazakhstan 2000-2016): China's share of turnover, break 2013
"$MVEC" trend KAZ --vector trade.total --partner CHN --break 2013 --no-embedded \
    --data "$FIXTURES/itpd/itpd_kaz_2000_2016.csv"
