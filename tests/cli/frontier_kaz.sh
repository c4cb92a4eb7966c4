# The built-in Kazakhstan exports (2023, the Bureau's table): the lowest partner HHI reachable
# in five years with the default limits (reviewed by eye: the three largest buyers, Italy,
# China and Russia, fall as far as allowed; the middle buyers meet at one level; the small
# ones grow as far as allowed), then the highest balance among the great powers.
"$MVEC" frontier -q
echo "exit $?"
"$MVEC" frontier -q --objective balance --years 3 --format csv | head -8
echo "exit $?"
