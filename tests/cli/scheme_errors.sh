# every validation message of a bloc scheme file
try() {
    printf '%s\n' 'code,bloc,great_power,rationale' "$@" > scheme.csv
    "$MVEC" profile --blocs scheme.csv
    echo "exit $?"
}
try 'RUS,EAST,maybe,x' '*,REST,no,'
try 'RUS,East bloc,yes,x' '*,REST,no,'
try 'Narnia,EAST,yes,x' '*,REST,no,'
try 'RUS,EAST,yes,x' 'CHN,EAST,no,x' '*,REST,no,'
try 'RUS,EAST,yes,x'
try 'RUS,EAST,yes,x' '*,REST,no,' '*,OTHER,no,'
printf 'code,bloc\nRUS,EAST\n' > scheme.csv
"$MVEC" profile --blocs scheme.csv
echo "exit $?"
