# mvec import and mvec workspace: add, no-op re-import, duplicate content, replace on change,
# the listing in three formats; profile, shares and sources read the workspace on top of the
# embedded data or alone (--no-embedded). $MVEC_WORKSPACE is in the test's directory.
clean() { sed -e "s|$PWD/||g" -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z/TIME/g'; }
run() { "$@" 2>&1 | clean; }
cp uzb_trade.csv uzb.csv
"$MVEC" import obs uzb.csv | clean
echo "exit $?"
"$MVEC" import obs uzb.csv | clean
cp uzb.csv same.csv
run "$MVEC" import obs same.csv
run "$MVEC" workspace
run "$MVEC" workspace --format csv
run "$MVEC" workspace --format json
echo '--- read on top of the embedded data, and alone'
run "$MVEC" shares UZB --no-embedded
"$MVEC" sources --no-embedded --format csv | clean | cut -d, -f1-7 | head -3
"$MVEC" profile --format csv | grep -c '^' >/dev/null && echo "profile of Kazakhstan still runs"
echo '--- a changed file replaces its rows'
sed 's/,CHN,trade.total,value,2023,[0-9.]*,/,CHN,trade.total,value,2023,25,/' uzb.csv > tmp.csv
mv tmp.csv uzb.csv
run "$MVEC" import obs uzb.csv
run "$MVEC" shares UZB --no-embedded
echo '--- another workspace, named'
run "$MVEC" import obs gbr_trade.csv --workspace other.sqlite
run "$MVEC" workspace --workspace other.sqlite --format csv
run "$MVEC" workspace --workspace other.sqlite --remove gbr_trade.csv
run "$MVEC" workspace --workspace other.sqlite
