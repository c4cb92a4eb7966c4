# Partner shares, HHI, CR1/CR3, entropy, evenness, Theil, bloc shares, exposure, balance and
# margin recomputed from the raw ITPD-E rows by tests/recompute_itpd.py (Python standard
# library, none of mvec's code) and compared with `mvec profile --format json --exact` to
# 1e-12 relative: on the fixture for Uzbekistan and Serbia 2016; with the shared datasets also
# on the full file for Kazakhstan, Uzbekistan, Mongolia, Serbia and Vietnam in several years
# (only a difference is printed, and fails the test).
root="$FIXTURES/../.."
cases=""
for country in UZB SRB; do
    "$MVEC" profile "$country" --no-embedded --data itpd_2016_uzb_mng_srb_vnm.csv \
        --format json --exact > "$country.json" || exit $?
    cases="$cases $country:2016:$country.json"
done
python3 "$root/tests/recompute_itpd.py" itpd_2016_uzb_mng_srb_vnm.csv "$root/data" $cases || exit $?
full="$SHARED/itpd-e-bilateral-2000-2016/itpd_e_r01_total_trade_2000_2016.csv"
if [ -r "$full" ]; then
    cases=""
    for case in KAZ:2016 KAZ:2005 UZB:2010 MNG:2016 MNG:2001 SRB:2008 VNM:2003 VNM:2016; do
        "$MVEC" profile "${case%:*}" --year "${case#*:}" --no-embedded --data "$full" \
            --format json --exact > "full_${case%:*}_${case#*:}.json" 2>/dev/null || exit $?
        cases="$cases $case:full_${case%:*}_${case#*:}.json"
    done
    python3 "$root/tests/recompute_itpd.py" "$full" "$root/data" $cases > full.txt ||
        { grep -v agree full.txt; exit 1; }
fi
