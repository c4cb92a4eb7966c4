# a scheme may mark at most 6 blocs as great powers: a 7th is rejected at
# load with file:line:column and exit 3; 4 great powers (the built-in scheme
# with TUR-OTS promoted) give a composite with balance and margin computed
printf '%s\n' 'code,bloc,great_power,rationale' 'RUS,A,yes,' 'CHN,B,yes,' 'USA,C,yes,' \
    'TUR,D,yes,' 'IND,E,yes,' 'JPN,F,yes,' 'KOR,F,yes,' 'GBR,G,yes,' 'FRA,H,yes,' '*,REST,no,' \
    > seven.csv
"$MVEC" profile --blocs seven.csv
echo "exit $?"
"$MVEC" profile --blocs scheme_four.csv > four.txt
echo "exit $?"
grep -E '^composite +-' four.txt | tr -s ' ' | cut -d' ' -f1,4-
