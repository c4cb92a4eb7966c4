# every validation message of the long format, one bad field at a time
H='country,partner,vector,indicator,year,period,item,value,qualifier,unit,basis,scope,status,source,source_date,url,quality'
try() {
    printf '%s\n%s\n' "$H" "$1" > in.csv
    "$MVEC" profile --data in.csv
    echo "exit $?"
}
try 'KAZ,CHN,trade.total,Value,2022,,,1,,USD bn,reporter,,,S,,,'
try 'KAZ,CHN,trade.total,value,2022,,,1e,,USD bn,reporter,,,S,,,'
try 'KAZ,CHN,trade.total,value,2022,,,1 000,,USD bn,reporter,,,S,,,'
try 'KAZ,CHN,trade.total,value,2022,,,1,=,USD bn,reporter,,,S,,,'
try 'KAZ,CHN,trade.total,value,2022,,,1,,USD bn,reporter,top10,,S,,,'
try 'KAZ,CHN,trade.total,value,2022,,,1,,USD bn,reporter,,old,S,,,'
try 'KAZ,CHN,trade.total,value,2022,,,1,,USD bn,reporter,,,S,22 May 2023,,'
try 'KAZ,CHN,trade.total,value,2022,,,1,,USD bn,reporter,,,S,,www.example.org,'
try 'KAZ,CHN,trade.total,value,2022,,,1,,USD bn,reporter,,,S,,,good'
try 'KAZ,CHN,trade.total,value,2022,this period text is far longer than forty characters,,1,,USD bn,reporter,,,S,,,'
printf 'country,partner,vector,colour\n' > in.csv
"$MVEC" profile --data in.csv
echo "exit $?"
printf 'country,partner,partner\n' > in.csv
"$MVEC" profile --data in.csv
echo "exit $?"
: > in.csv
"$MVEC" profile --data in.csv
echo "exit $?"
printf 'a,b\nc,d\0e\n' > in.csv
"$MVEC" profile --data in.csv
echo "exit $?"
