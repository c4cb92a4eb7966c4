# mvec report with its charts: the blocs chart, a trend chart and a balance triangle per vector
# with 3 years of shares, a fan per vector whose shares move in the scenario; each inline
# <svg> with its ids prefixed so that they stay unique in the page, nothing loaded from
# anywhere (tests/independent/report_check.py); the captions in order
# (tests/independent/report_outline.py). The images themselves: tests/cli/chart_*.sh.
root="$FIXTURES/../.."
"$MVEC" report --scenario "$root/scenarios/squeezed.lua" --paths 5 --years 3 -o report.html ||
    exit 1
python3 "$root/tests/independent/report_check.py" report.html --country KAZ --charts 24 \
    > check.txt || { cat check.txt; exit 1; }
sed 's/: no script.*/: no script, no resource loaded/' check.txt
python3 "$root/tests/independent/report_outline.py" report.html | grep -E 'svg|figure|^h2'
