# the seed episode scenarios/cpc_disruption_2022.lua on the embedded data (golden reviewed by eye)
cp "$FIXTURES/../../scenarios/cpc_disruption_2022.lua" .
"$MVEC" simulate cpc_disruption_2022.lua
