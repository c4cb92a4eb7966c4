# Excel output of the flow-table commands: asymmetry, coverage, screen, composition, and the
# workspace listing: each workbook read back independently and compared cell by cell with the
# command's CSV (tests/independent/xlsx_cells.sh: one line per command, NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
MVEC_WORKSPACE="$PWD/ws.sqlite" "$MVEC" import obs "$EXAMPLES/uzbekistan.csv" >/dev/null
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
asymmetry|Asymmetry|profile KAZ --no-embedded --data "$flows/wto_tiny.csv" --asymmetry
coverage|Coverage|coverage KAZ --data "$flows/BACI_HS92_Y2021_V202401_tiny.csv" --tolerance 5
screen|Products|screen KAZ --year 2019 --data "$FIXTURES/screen_wto.csv"
composition|Composition|composition KAZ --flow total --data "$FIXTURES/composition_wits.csv"
workspace|Files|workspace --workspace ws.sqlite
EOF
