# -o writes the file only when the command succeeds, and keeps an old file otherwise
"$MVEC" check -o claims.txt || exit 1
head -3 claims.txt
echo previous > kept.txt
"$MVEC" profile --data bad_number.csv -o kept.txt
echo "exit $?"
cat kept.txt
ls
