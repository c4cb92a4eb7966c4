# the seed episode scenarios/leases_opinion.lua on the embedded data (golden reviewed by eye)
cp "$FIXTURES/../../scenarios/leases_opinion.lua" .
"$MVEC" simulate leases_opinion.lua
