# the seed episode scenarios/farm_retaliation_brics.lua on the embedded data (golden reviewed by eye)
cp "$FIXTURES/../../scenarios/farm_retaliation_brics.lua" .
"$MVEC" simulate farm_retaliation_brics.lua
