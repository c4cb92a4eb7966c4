# Excel output of routes, frontier and simulate: each workbook read back independently and
# compared cell by cell with the command's CSV (tests/independent/xlsx_cells.sh: one line per
# command, NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
routes_closed|Routes|routes --network "$FIXTURES/network_diamond.csv" --close a-eu
frontier_caps|Frontier|frontier --cap 'oil=ITA,NLD,FRA:2e9'
simulate|Trajectory|simulate "$root/scenarios/trade_target_40bn.lua"
EOF
