# mvec report with a --data file whose publication, title, URL, quote and note hold HTML
# (tests/data/report/report_hostile.csv): every text escaped (& < > " '), no element or attribute of
# the data reaches the page (tests/independent/report_check.py parses it: no <script>, no
# resource, every link http(s) or #id), and the figures equal mvec's CSV outputs.
root="$FIXTURES/../.."
cp "$FIXTURES/report/report_hostile.csv" . || exit 1
set -- UZB --no-embedded --data report_hostile.csv
"$MVEC" report "$@" --no-charts -o report.html || exit 1
"$MVEC" sources "$@" --format csv > sources.csv || exit 1
"$MVEC" profile "$@" --format csv > profile.csv || exit 1
"$MVEC" check "$@" --format csv > check.csv || exit 1
python3 "$root/tests/independent/report_check.py" report.html --country UZB --charts 0 \
    --sources sources.csv --profile profile.csv --check check.csv || exit 1
echo "== elements in the page: <script> $(grep -c '<script' report.html), <img $(grep -c '<img' report.html)"
echo "== the source list as written"
sed -n '/<ol class="sources">/,/<\/ol>/p' report.html
