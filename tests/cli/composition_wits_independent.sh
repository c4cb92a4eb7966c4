# mvec composition on Kazakhstan's WITS files (HS 2012 by HS4, 2015-2024, with China and the
# World) against an independent recomputation in exact fractions from the UN's raw HS 2012 ->
# BEC table (tests/independent/composition_wits.py, not libmvec, not data/hs): values and
# unmapped/split parts exactly, stage shares to 1e-12. Then the seed claim (docs/methods.md,
# "Composition by stage of processing"): Kazakhstan's trade with China, exports + imports, by
# stage, per year. Skipped without the shared data.
root="$FIXTURES/../.."
dir="$SHARED/kaz-wits-hs4-2015-2024"
concordance="$SHARED/hs-bec-concordance/HS2012_to_BEC4_UNSD.csv"
[ -d "$dir" ] && [ -r "$concordance" ] || exit 77
set -- "$dir/kazakhstan_exports_to_china_hs4_2015_2024_wits.csv" \
    "$dir/kazakhstan_imports_from_china_hs4_2015_2024_wits.csv" \
    "$dir/kazakhstan_exports_to_world_hs4_2015_2024_wits.csv" \
    "$dir/kazakhstan_imports_from_world_hs4_2015_2024_wits.csv"
"$MVEC" composition KAZ --format csv --data "$1" --data "$2" --data "$3" --data "$4" \
    > composition.csv || exit 1
python3 "$root/tests/independent/composition_wits.py" "$concordance" composition.csv "$@" || exit 1
echo "== trade with China, exports + imports"
"$MVEC" composition KAZ --flow total --data "$1" --data "$2"
