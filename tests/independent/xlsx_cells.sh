# xlsx_cells.sh: reads a table of commands on standard input (run by the
# golden tests tests/cli/xlsx_cells_*.sh, which set MVEC, FIXTURES, EXAMPLES).
# Every command that writes a table, as an Excel workbook and as CSV: the
# workbook read back by tests/independent/xlsx_read.py (zipfile + xml.etree,
# not libmvec) and compared cell by cell with the CSV by xlsx_compare.py
# (texts equal, numbers equal, percent columns x 100, intervals as two
# columns, row and column counts; frozen header, formats, widths, sheet
# names, a Sources sheet with sources). One line per command:
#   NAME|SHEET|COMMAND AND OPTIONS (the CSV with full precision where the
#   command has --exact)
root="$FIXTURES/../.."
compare="$root/tests/independent/xlsx_compare.py"
flows="$FIXTURES/flowprofile"
status=0
while IFS='|' read -r name sheet command; do
    case "$name" in '' | '#'*) continue ;; esac
    # shellcheck disable=SC2086 # the options are words
    eval "set -- $command"
    exact=""
    case "$1" in profile | rank | simulate) exact="--exact" ;; esac
    "$MVEC" "$@" --format csv $exact >"$name.csv" 2>"$name.err1" || {
        echo "$name: csv failed: $(cat "$name.err1")"
        status=1
        continue
    }
    "$MVEC" "$@" --format xlsx -o "$name.xlsx" 2>"$name.err2" || {
        echo "$name: xlsx failed: $(cat "$name.err2")"
        status=1
        continue
    }
    printf '%s: ' "$name"
    python3 "$compare" "$name.xlsx" "$sheet" "$name.csv" || status=1
done
exit $status
