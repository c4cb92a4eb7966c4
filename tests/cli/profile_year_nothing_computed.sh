# data in the year but nothing computable: each vector's reason and the years with data
"$MVEC" profile --year 2011
echo "exit $?"
"$MVEC" shares --year 2011
echo "exit $?"
"$MVEC" profile --year 2015 --basis partner
