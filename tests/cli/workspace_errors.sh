# mvec import and the workspace on bad input: an unknown format (did you mean), no file,
# standard input; malformed, truncated and mis-encoded files (exit 3, file:line:column) leave
# the workspace byte for byte as it was (cmp), and a failed first import creates none; files
# that are not workspaces (exit 5); a missing workspace.
run() { { "$@"; echo "exit $?"; } 2>&1 | sed "s|$PWD/||g"; }
run "$MVEC" import ob uzb_trade.csv
run "$MVEC" import itpdx uzb_trade.csv
run "$MVEC" import obs
run "$MVEC" import
run "$MVEC" import obs - < uzb_trade.csv
run env MVEC_WORKSPACE=workspace.sqlite "$MVEC" workspace # a relative path: the message carries no machine path
run "$MVEC" import obs bad_number.csv
test -e "$MVEC_WORKSPACE" && echo "a failed first import created the workspace"
run "$MVEC" import obs uzb_trade.csv > /dev/null
cp "$MVEC_WORKSPACE" before.sqlite
head -c 200 gbr_trade.csv > truncated.csv
printf 'country,partner,vector,indicator,year,value,unit,basis,source,note\nUZB,CHN,trade.total,value,2019,5,USD bn,reporter,Test \377\376,\n' > latin.csv
for f in bad_number.csv short_row.csv unterminated.csv unknown_unit.csv missing_column.csv \
         truncated.csv latin.csv; do
    run "$MVEC" import obs gbr_trade.csv "$f"
    cmp "$MVEC_WORKSPACE" before.sqlite && echo "unchanged"
done
run "$MVEC" import bns uzb_trade.csv
cmp "$MVEC_WORKSPACE" before.sqlite && echo "unchanged"
echo "not a database" > text.sqlite
run "$MVEC" workspace --workspace text.sqlite
run "$MVEC" profile --workspace text.sqlite
run "$MVEC" import obs gbr_trade.csv --workspace text.sqlite
printf 'SQLite format 3\000' > broken.sqlite
head -c 5000 /dev/zero >> broken.sqlite
run "$MVEC" workspace --workspace broken.sqlite
run "$MVEC" profile --workspace missing.sqlite
run "$MVEC" workspace --workspace before.sqlite --remove nosuch.csv
run "$MVEC" workspace --format xml
