# 'mvec help flows' names the 'flows query' action and the flow formats (baci, wto, wits); an
# unknown action lists query among the actions
"$MVEC" help flows
echo "exit $?"
"$MVEC" flows frob
echo "exit $?"
