# impossible values are rejected at load with file:line:column and exit 3 (docs/formats.md,
# "Checks on values"); rounding within the documented tolerance is accepted
H='country,partner,vector,indicator,year,period,item,value,qualifier,unit,basis,scope,status,source,source_date,url,quality'
try() {
    printf '%s\n' "$H" "$@" > in.csv
    "$MVEC" sources --data in.csv --no-embedded > /dev/null
    echo "exit $?"
}
# overflow to infinity after unit scaling (1e308 x 1e9)
try 'KAZ,CHN,trade.total,value,2022,,,1e308,,USD bn,reporter,,,S,,,'
# a negative share; one share above 100 %
try 'KAZ,CHN,trade.total,share,2022,,,-5,,%,reporter,,,S,,,'
try 'KAZ,CHN,trade.total,share,2022,,,180,,%,reporter,,,S,,,'
# shares of one source adding to 180 %; from two sources they are two readings, accepted
try 'KAZ,CHN,trade.total,share,2022,,,90,,%,reporter,,,S,,,' \
    'KAZ,RUS,trade.total,share,2022,,,60,,%,reporter,,,S,,,' \
    'KAZ,DEU,trade.total,share,2022,,,30,,%,reporter,,,S,,,'
try 'KAZ,CHN,trade.total,share,2022,,,90,,%,reporter,,,S,,,' \
    'KAZ,RUS,trade.total,share,2022,,,90,,%,reporter,,,T,,,'
# 100.8 % is rounding (tolerance 1 point); 101.5 % is not
try 'KAZ,CHN,trade.total,share,2022,,,50.4,,%,reporter,,,S,,,' \
    'KAZ,RUS,trade.total,share,2022,,,50.4,,%,reporter,,,S,,,'
try 'KAZ,CHN,trade.total,share,2022,,,50.4,,%,reporter,,,S,,,' \
    'KAZ,RUS,trade.total,share,2022,,,51.1,,%,reporter,,,S,,,'
# an upper bound and a superseded figure claim nothing a sum contradicts
try 'KAZ,CHN,trade.total,share,2022,,,90,,%,reporter,,,S,,,' \
    'KAZ,RUS,trade.total,share,2022,,,60,<,%,reporter,,,S,,,' \
    'KAZ,DEU,trade.total,share,2022,,,60,,%,reporter,,superseded,S,,,'
# the EU overlaps its members: not added to them
try 'KAZ,EU,trade.total,share,2022,,,30,,%,reporter,,,S,,,' \
    'KAZ,DEU,trade.total,share,2022,,,10,,%,reporter,,,S,,,' \
    'KAZ,CHN,trade.total,share,2022,,,60,,%,reporter,,,S,,,'
# a partner above the total; partners adding to more than the total
try 'KAZ,WLD,trade.total,value,2022,,,100,,USD bn,reporter,,,S,,,' \
    'KAZ,CHN,trade.total,value,2022,,,120,,USD bn,reporter,,,S,,,'
try 'KAZ,WLD,trade.total,value,2022,,,100,,USD bn,reporter,,,S,,,' \
    'KAZ,CHN,trade.total,value,2022,,,60,,USD bn,reporter,,,S,,,' \
    'KAZ,RUS,trade.total,value,2022,,,50000,,USD m,reporter,,,S,,,'
# the same in the Bureau's table
B='year,release,latest,label_ru,row_type,aggregate,partner_iso3,turnover_kusd,turnover_share_pct,exports_kusd,exports_share_pct,imports_kusd,imports_share_pct'
printf '%s\n' "$B" '2023,2023,1,Всего,aggregate,total,,1000,100,600,100,400,100' \
    '2023,2023,1,Россия,country,,RUS,450,45,150,25,300,75' \
    '2023,2023,1,Китай,country,,CHN,300,30,250,41.7,50,40' > bns.csv
"$MVEC" sources --data bns.csv --no-embedded > /dev/null
echo "exit $?"
printf '%s\n' "$B" '2023,2023,1,Всего,aggregate,total,,1000,100,600,100,400,100' \
    '2023,2023,1,Россия,country,,RUS,450,45,650,25,300,75' > bns.csv
"$MVEC" sources --data bns.csv --no-embedded > /dev/null
echo "exit $?"
# a header without rows has nothing to check (found by fuzz_bns under clang's UBSan)
printf '%s\n' "$H" > in.csv
"$MVEC" sources --data in.csv --no-embedded
echo "exit $?"
