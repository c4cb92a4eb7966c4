# mvec screen: usage errors and a country the data lack (exit 2), a value finer than a dollar
# (exit 3, file:line:column, no cache), no flow data at all (exit 2)
"$MVEC" screen
echo "exit $?"
"$MVEC" screen KAZ UZB --data screen_wto.csv
echo "exit $?"
"$MVEC" screen KAZ --format json --data screen_wto.csv
echo "exit $?"
"$MVEC" screen UZB --data screen_wto.csv
echo "exit $?"
"$MVEC" screen KAZ --blocs nosuch --data screen_wto.csv
echo "exit $?"
printf 'year,reporter_m49,partner_m49,hs2,value_usd\n2019,398,156,01,10.5\n' > fraction.csv
"$MVEC" screen KAZ --data fraction.csv
echo "exit $?"
"$MVEC" screen KAZ --workspace empty.sqlite
echo "exit $?"
