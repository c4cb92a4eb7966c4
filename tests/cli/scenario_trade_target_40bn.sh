# the seed episode scenarios/trade_target_40bn.lua on the embedded data (golden reviewed by eye)
cp "$FIXTURES/../../scenarios/trade_target_40bn.lua" .
"$MVEC" simulate trade_target_40bn.lua
