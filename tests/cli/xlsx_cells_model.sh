# Excel output of routes, frontier and simulate: each command's workbook read back
# independently and compared cell by cell with its CSV (tests/independent/xlsx_cells.sh:
# one line per command, NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
routes|Routes|routes
routes_closed|Routes|routes --network "$FIXTURES/network_diamond.csv" --close a-eu
frontier|Frontier|frontier
frontier_caps|Frontier|frontier --cap 'oil=ITA,NLD,FRA:2e9'
simulate|Trajectory|simulate "$root/scenarios/trade_target_40bn.lua"
simulate_paths|Trajectory|simulate "$root/scenarios/farm_retaliation_brics.lua"
EOF
