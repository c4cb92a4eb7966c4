# The pew, cow-igo and atop importers on the real files in ../shared/data (skipped when absent):
# Uzbekistan's profile from all three, the opinion claim for Ukraine and Turkey from Pew, and
# shares, bloc shares and HHI recomputed from the raw files by tests/recompute_social.py and
# compared with `profile --format json --exact` to 1e-12 relative
[ -d "$SHARED/cow-igo-v3" ] || exit 77
pew="$SHARED/pew-global-attitudes-great-powers/pew_favorability_by_country_wave.csv"
igo="$SHARED/cow-igo-v3/state_year_format3.csv"
atop="$SHARED/atop-alliances-1950-2017/atop_alliance_dyads_1950_2017.csv"
"$MVEC" profile UZB -q --data "$igo" --data "$atop" --data "$pew"
echo "exit $?"
"$MVEC" shares KAZ -q --vector institutions.igo --year 2014 --data "$igo" | head -8
"$MVEC" shares KAZ -q --vector security.alliance --year 2017 --data "$atop" | head -3
for c in UKR TUR; do
    "$MVEC" check $c -q --no-embedded --data "$pew" | sed -n '/^moscow/,$p'
done
root="$FIXTURES/../.."
python3 "$root/tests/recompute_social.py" "$MVEC" cow-igo "$igo" KAZ 2014 SUN 1985
python3 "$root/tests/recompute_social.py" "$MVEC" atop "$atop" KAZ 2017 MNG 2017 SUN 1985 SRB 2010
