# The change 2012 -> 2016 decomposed: HHI into partner parts, the WEST bloc's share into
# entries, exits and reweighting (the table shows the 20 largest parts, the rest summed);
# then the Bureau's table 2021 -> 2023 (its EU aggregate row is not a partner)
"$MVEC" trend KAZ --vector trade.total --bloc WEST --explain 2012 2016 --no-embedded \
    --data "$FIXTURES/itpd/itpd_kaz_2000_2016.csv"
"$MVEC" trend --vector trade.total --bloc CHN --explain 2021 2023 --no-embedded \
    --data "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv" --format csv | head -8
