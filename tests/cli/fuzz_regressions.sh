# inputs that once broke mvec (fuzz/regressions/README.md), through the command line
cd "$FIXTURES/../../fuzz/regressions" || exit 1
# 20 great powers: rejected when the scheme is loaded
"$MVEC" profile --blocs blocs_20_great_powers.csv
echo "exit $?"
# weights of 1e308: trade.total and trade.exports get half each, the others almost nothing
"$MVEC" profile --weights "$(cat weights_overflow.txt)" --format json |
    grep -o '"weight": [^,]*' | head -3
# a top list with a 0 % partner: computed, not a failure of the whole command
"$MVEC" profile --no-embedded --data observations_top_list_zero_share.csv --format csv |
    cut -d, -f1-4
echo "exit $?"
# a 374-byte zip whose stored member claims 1 GiB: damage, refused before any allocation
"$MVEC" flows import flows_zip_stored_claims_1gib.zip --workspace "$OLDPWD/z.sqlite"
echo "exit $?"
# scenario names that are not UTF-8, or would be once cut: refused with the script's line, and
# the JSON output never half-built
"$MVEC" simulate scenario_name_not_utf8.lua --format json
echo "exit $?"
"$MVEC" simulate scenario_name_cut_in_a_character.lua --format json
echo "exit $?"
