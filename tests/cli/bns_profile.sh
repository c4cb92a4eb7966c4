# the Bureau's real table, as published (skipped when the shared datasets are absent)
table="$SHARED/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv"
[ -r "$table" ] || exit 77
"$MVEC" profile --no-embedded --data "$table"
