# Excel output of profile (the embedded data, the README's slice of the Bureau's table,
# Uzbekistan): each workbook read back independently and compared cell by cell with the command's
# CSV (tests/independent/xlsx_cells.sh: one line per command, NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
profile|Profile|profile
profile_slice|Profile|profile --no-embedded --data "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv"
profile_uzb|Profile|profile UZB --data "$EXAMPLES/uzbekistan.csv"
EOF
