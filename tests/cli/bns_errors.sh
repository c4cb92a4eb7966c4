# messages for a malformed Bureau table
H='year,release,latest,label_ru,row_type,aggregate,partner_iso3,turnover_kusd,turnover_share_pct,exports_kusd,exports_share_pct,imports_kusd,imports_share_pct'
try() {
    printf '%s\n%s\n' "$H" "$1" > bns.csv
    "$MVEC" profile --no-embedded --data bns.csv
    echo "exit $?"
}
try '2023,2023,2,Россия,country,,RUS,1,1,1,1,,'
try '2023,2023,1,Всего,aggregate,grand_total,,1,1,1,1,,'
try '2023,2023,1,Россия,partner,,RUS,1,1,1,1,,'
try '2023,2023,1,Нарния,country,,,1,1,1,1,,'
try '2023,2023,1,Россия,country,,XXX,1,1,1,1,,'
try '2023,2023,1,Россия,country,,RUS,-5,1,1,1,,'
try '2023,2023,1,Россия,country,,RUS,n/a,1,1,1,,'
try '23,2023,1,Россия,country,,RUS,1,1,1,1,,'
try '2023,2023,1,Китай,country,,RUS,1,1,1,1,,'
