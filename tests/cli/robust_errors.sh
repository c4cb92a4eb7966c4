# bad --blocs lists: unknown names get a did-you-mean (exit 2), a malformed file its
# file:line:column (exit 3), a scheme given twice or an empty name is a usage error (exit 2)
"$MVEC" profile --blocs powers,treaty
echo "exit $?"
"$MVEC" check --blocs powerz
echo "exit $?"
printf 'code,bloc,great_power,rationale\nRUS,EAST,maybe,x\n*,REST,no,\n' > bad.csv
"$MVEC" profile --blocs powers,bad.csv
echo "exit $?"
"$MVEC" shares --blocs powers,treaties,powers
echo "exit $?"
"$MVEC" profile --blocs powers,
echo "exit $?"
"$MVEC" profile --blocs powers,treaties,a.csv,b.csv,c.csv,d.csv,e.csv,f.csv,g.csv
echo "exit $?"
"$MVEC" profile --blocs powers,treaties --notes
echo "exit $?"
