# UNGA agreement with each great power (diplomacy.unga, agreement and common_votes)
# recomputed from the raw votes by tests/recompute_unga.py (Python standard library) and
# compared with mvec's exact CSV to 1e-12 relative: on the fixture (every 1985 and 2019 roll
# call; the votes of the five powers' seats and a few countries, Namibia's code "NA" among
# them; un_roll_calls.csv beside it); with the shared datasets also on the full 870k votes
# (only a difference is printed, and fails the test).
root="$FIXTURES/../.."
"$MVEC" sources --no-embedded --data unga_votes_1985_2019.csv --format csv > mvec.csv || exit $?
python3 "$root/tests/recompute_unga.py" unga_votes_1985_2019.csv un_roll_calls.csv mvec.csv \
    KZ=KAZ:2019 YU=SRB:2019 NA=NAM:1985 NA=NAM:2019 DD=DDR:1985 US=USA:1985 RU=SUN:1985 || exit $?
votes="$SHARED/unga-votes/un_votes.csv"
if [ -r "$votes" ]; then
    "$MVEC" sources --no-embedded --data "$votes" --format csv > full.csv 2>/dev/null || exit $?
    python3 "$root/tests/recompute_unga.py" "$votes" "$SHARED/unga-votes/un_roll_calls.csv" \
        full.csv KZ=KAZ:1995 KZ=KAZ:2019 UZ=UZB:2005 MN=MNG:1970 YU=SCG:2000 YU=SRB:2010 \
        VN=VNM:1990 DD=DDR:1980 NA=NAM:2000 RU=SUN:1965 RU=RUS:2015 > full.txt ||
        { grep -v 'agrees\|no row' full.txt; exit 1; }
fi
