# Excel output of shares, sources and check: each workbook read back independently and compared
# cell by cell with the command's CSV (tests/independent/xlsx_cells.sh: one line per command,
# NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
shares|trade.exports|shares --vector trade.exports
sources_china|Figures|sources --partner China
check|Claims|check
EOF
