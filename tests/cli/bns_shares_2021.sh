table="$SHARED/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv"
[ -r "$table" ] || exit 77
"$MVEC" shares --no-embedded --data "$table" --year 2021 --vector trade.imports | head -15
