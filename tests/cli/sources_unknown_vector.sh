"$MVEC" sources --vector arms.import
echo "exit $?"
"$MVEC" sources Russia --vector trade.total
