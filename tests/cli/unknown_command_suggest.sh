"$MVEC" prfile
echo "exit $?"
"$MVEC" help shars
