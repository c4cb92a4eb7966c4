# Two scenarios' numbers recomputed from the data files by tests/recompute_scenario.py (Python
# stdlib): the farm embargo's exports at risk, the China trade target's trade.total.
root="$FIXTURES/../.."
"$MVEC" simulate "$root/scenarios/farm_retaliation_brics.lua" --format csv --exact |
    python3 "$root/tests/recompute_scenario.py" farm "$root"
"$MVEC" simulate "$root/scenarios/trade_target_40bn.lua" --format csv --exact |
    python3 "$root/tests/recompute_scenario.py" target "$root"
