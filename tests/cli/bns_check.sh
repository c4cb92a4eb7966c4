table="$SHARED/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv"
[ -r "$table" ] || exit 77
"$MVEC" check --data "$table"
