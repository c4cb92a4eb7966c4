# mvec report on the built-in data with two scenarios, against mvec's own CSV outputs, checked
# by tests/independent/report_check.py (Python's html.parser, not libmvec): self-contained (no
# script, nothing loaded, links http(s) or #id, ids unique), every source of 'mvec sources' in
# the numbered list with its URL, every profile figure equal to 'mvec profile --format csv' to
# the decimals shown, every claim of 'mvec check' with its verdict and rule, and each
# scenario's bands equal to 'mvec simulate --format csv' with the same seed and paths. (The
# same bytes for the same input: tests/unit/test_report.c.)
root="$FIXTURES/../.."
a="$root/scenarios/squeezed.lua"
b="$root/scenarios/cpc_disruption_2022.lua"
"$MVEC" report --no-charts --scenario "$a" --scenario "$b" --paths 20 --seed 7 --years 4 \
    -o report.html || exit 1
"$MVEC" sources --format csv > sources.csv || exit 1
"$MVEC" profile --format csv > profile.csv || exit 1
"$MVEC" check --format csv > check.csv || exit 1
"$MVEC" simulate "$a" --paths 20 --seed 7 --years 4 --format csv > sim1.csv || exit 1
"$MVEC" simulate "$b" --paths 20 --seed 7 --years 4 --format csv > sim2.csv || exit 1
python3 "$root/tests/independent/report_check.py" report.html --country KAZ --charts 0 \
    --sources sources.csv --profile profile.csv --check check.csv \
    --simulate sim1.csv --simulate sim2.csv
