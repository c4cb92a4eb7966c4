# The pew, cow-igo and atop importers on small extracts of the real files (tests/data/README.md):
# the co-membership and alliance vectors in a profile, the opinion claim on Pew's Ukraine and
# Turkey, and the distributions recomputed by an independent script (tests/recompute_social.py)
"$MVEC" profile KAZ --no-embedded --data cow_igo_small.csv --data atop_small.csv
echo "exit $?"
"$MVEC" shares KAZ --no-embedded --vector institutions.igo --data cow_igo_small.csv
"$MVEC" sources UKR --no-embedded --data pew_small.csv --format csv
for c in UKR TUR; do
    "$MVEC" check $c --no-embedded --data pew_small.csv | sed -n '/^moscow/,$p'
done
root="$FIXTURES/../.."
python3 "$root/tests/recompute_social.py" "$MVEC" cow-igo cow_igo_small.csv KAZ 2014 SUN 1990
python3 "$root/tests/recompute_social.py" "$MVEC" atop atop_small.csv KAZ 2017 SUN 1985
