# a scheme row naming the EU puts its members of each year in the EU bloc:
# the United Kingdom in 2019, not in 2021 (it left on 31 January 2020)
"$MVEC" shares UZB --no-embedded --data gbr_trade.csv --blocs scheme_eu.csv --year 2019
"$MVEC" shares UZB --no-embedded --data gbr_trade.csv --blocs scheme_eu.csv --year 2021
# on the built-in data the EU bloc holds the EU's reported 29.7-29.8 % of 2022 trade
"$MVEC" profile --blocs scheme_eu.csv --format csv |
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
             $2 == "trade.total" { print "EU bloc, trade.total", $4 ":", $c["EU_pct_lo"], "to", $c["EU_pct_hi"], "%" }' 
