# the seed episode scenarios/squeezed.lua on the embedded data (golden reviewed by eye)
cp "$FIXTURES/../../scenarios/squeezed.lua" .
"$MVEC" simulate squeezed.lua
