# Usage errors and refusals of mvec frontier: a misspelt vector (exit 2, the valid names),
# limits out of range, a malformed cap, a cap the partners cannot meet (exit 2, the group
# named), a remainder under the balance objective (exit 2, refused: its blocs are unknown).
"$MVEC" frontier --vector trade.exprts
echo "exit $?"
"$MVEC" frontier --max-shift 1.5
echo "exit $?"
"$MVEC" frontier --years 2.5
echo "exit $?"
"$MVEC" frontier --objective gini
echo "exit $?"
"$MVEC" frontier --cap 'oil=ITA'
echo "exit $?"
"$MVEC" frontier ARM --no-embedded --data frontier_three.csv -q --cap 'west=DEU,CHN:-5e7'
echo "exit $?"
"$MVEC" frontier ARM --no-embedded --data frontier_three.csv -q --cap 'west=FRA:1'
echo "exit $?"
"$MVEC" frontier UZB --no-embedded --data "$EXAMPLES/uzbekistan.csv" -q --vector trade.total \
    --objective balance
echo "exit $?"
"$MVEC" frontier UZB --no-embedded --data "$EXAMPLES/uzbekistan.csv" -q --vector trade.total \
    --format csv | head -4
echo "exit $?"
