# Mistakes in a scenario or its options: the script's line and a distinct exit code.
cp "$FIXTURES/../../scenarios/farm_retaliation_brics.lua" .
"$MVEC" simulate farm_retaliation_brics.lua --paths 0; echo "exit $?"
"$MVEC" simulate farm_retaliation_brics.lua --years 500; echo "exit $?"
"$MVEC" simulate farm_retaliation_brics.lua --seed -1; echo "exit $?"
"$MVEC" simulate missing.lua; echo "exit $?"
"$MVEC" simulate; echo "exit $?"
printf 'scenario { name = "x",\n  close_route { link = "cpc", months = 2 } }\n' > link.lua
"$MVEC" simulate link.lua; echo "exit $?"
printf 'scenario { name = "x",\n  embargo { by = "RUS", hs = "01-24", cutt = 0.5 } }\n' > field.lua
"$MVEC" simulate field.lua; echo "exit $?"
printf 'scenario { name = "x"\n  embargo { by = "RUS" } }\n' > syntax.lua
"$MVEC" simulate syntax.lua; echo "exit $?"
printf 'scenario { name = "x", embargo { by = "Atlantis" } }\n' > partner.lua
"$MVEC" simulate partner.lua; echo "exit $?"
