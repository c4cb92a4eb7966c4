# The outline of mvec report on the built-in data (tables only): sections, each table's caption,
# columns and rows, the claims' verdicts, the number of sources (tests/independent/
# report_outline.py); the figures themselves are checked by report_independent.
root="$FIXTURES/../.."
"$MVEC" report --no-charts -o report.html || exit 1
python3 "$root/tests/independent/report_outline.py" report.html
