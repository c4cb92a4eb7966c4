# the seed episode scenarios/sanctions_ripple.lua on the embedded data (golden reviewed by eye)
cp "$FIXTURES/../../scenarios/sanctions_ripple.lua" .
"$MVEC" simulate sanctions_ripple.lua
