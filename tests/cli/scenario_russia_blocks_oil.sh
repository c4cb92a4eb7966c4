# the seed episode scenarios/russia_blocks_oil.lua on the embedded data (golden reviewed by eye)
cp "$FIXTURES/../../scenarios/russia_blocks_oil.lua" .
"$MVEC" simulate russia_blocks_oil.lua
