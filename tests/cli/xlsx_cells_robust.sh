# Excel output of profile, shares and check under two bloc schemes: each workbook read back
# independently and compared cell by cell with the command's CSV (tests/independent/xlsx_cells.sh:
# one line per command, NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
profile_robust|Profiles|profile --blocs powers,treaties
shares_robust|Partners|shares --vector trade.total --blocs powers,treaties
check_robust|Claims|check --blocs powers,treaties
EOF
