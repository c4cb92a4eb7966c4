# Excel output of profile, shares, sources and check (embedded data and fixtures): each command's workbook read back
# independently and compared cell by cell with its CSV (tests/independent/xlsx_cells.sh:
# one line per command, NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
profile|Profile|profile
profile_2021|Profile|profile KAZ --year 2021
profile_slice|Profile|profile --no-embedded --data "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv"
profile_uzb|Profile|profile UZB --data "$EXAMPLES/uzbekistan.csv"
profile_robust|Profiles|profile --blocs powers,treaties
shares|trade.exports|shares --vector trade.exports
shares_robust|Partners|shares --vector trade.total --blocs powers,treaties
sources_china|Figures|sources --partner China
check|Claims|check
check_robust|Claims|check --blocs powers,treaties
EOF
