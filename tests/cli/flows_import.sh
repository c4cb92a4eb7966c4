# Issue 7, points 1 and 10: `mvec flows import` on small public slices (tests/data/flows/SOURCE.md):
# BACI CSV, BACI in a .zip, the WTO's named and long (.gz) files; a second import of an unchanged
# file is not read; a changed source and a damaged cache (one byte flipped, truncated, emptied) are
# reported on stderr and rebuilt, never used; the same cache for 1, 2 and 8 threads; remove; list.
cp "$FIXTURES"/flows/BACI_HS92_Y2021_V202301_slice.csv "$FIXTURES"/flows/wto_kaz_imports_slice.csv \
   "$FIXTURES"/flows/wto_long_slice.csv.gz "$FIXTURES"/flows/BACI_HS17_Y2021_V202301_fixture.csv .
python3 -c '
import sys, zipfile
with zipfile.ZipFile("BACI_HS92_Y2021_V202301.zip", "w") as z:
    info = zipfile.ZipInfo("BACI_HS92_Y2021_V202301.csv", (2023, 1, 1, 0, 0, 0))
    z.writestr(info, open("BACI_HS92_Y2021_V202301_slice.csv", "rb").read())
'
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv BACI_HS92_Y2021_V202301.zip \
    wto_kaz_imports_slice.csv wto_long_slice.csv.gz BACI_HS17_Y2021_V202301_fixture.csv \
    --workspace ws.sqlite
echo "exit $?"
echo "-- unchanged"
"$MVEC" flows import wto_long_slice.csv.gz --workspace ws.sqlite
echo "exit $?"
cache=$(ls ws.sqlite.flows/*.mvf | head -1)
echo "-- one byte flipped"
for f in ws.sqlite.flows/*.mvf; do cp "$f" "$f.saved"; done
printf '\377' | dd of="$cache" bs=1 seek=600 conv=notrunc 2>/dev/null
"$MVEC" flows --workspace ws.sqlite | sed 's/^[0-9a-f]*\.mvf/X.mvf/; s|/.*/flows_import/||' | sort
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv BACI_HS92_Y2021_V202301.zip \
    wto_kaz_imports_slice.csv wto_long_slice.csv.gz BACI_HS17_Y2021_V202301_fixture.csv \
    --workspace ws.sqlite 2>&1 | sed 's|ws.sqlite.flows/[0-9a-f]*\.mvf|ws.sqlite.flows/X.mvf|'
for f in ws.sqlite.flows/*.mvf; do cmp -s "$f" "$f.saved" || echo "differs after rebuild: $f"; done
echo "-- truncated, then emptied"
head -c 1000 "$cache.saved" > "$cache"
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv BACI_HS92_Y2021_V202301.zip \
    wto_kaz_imports_slice.csv wto_long_slice.csv.gz BACI_HS17_Y2021_V202301_fixture.csv \
    --workspace ws.sqlite 2>&1 | sed 's|ws.sqlite.flows/[0-9a-f]*\.mvf|ws.sqlite.flows/X.mvf|' | grep -v '^unchanged'
: > "$cache"
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv BACI_HS92_Y2021_V202301.zip \
    wto_kaz_imports_slice.csv wto_long_slice.csv.gz BACI_HS17_Y2021_V202301_fixture.csv \
    --workspace ws.sqlite 2>&1 | sed 's|ws.sqlite.flows/[0-9a-f]*\.mvf|ws.sqlite.flows/X.mvf|' | grep -v '^unchanged'
echo "-- source changed, source touched"
sed -i 's/^2021,4,24,382390,52.051,13.235/2021,4,24,382390,52.052,13.235/' BACI_HS92_Y2021_V202301_slice.csv
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv --workspace ws.sqlite 2>&1 |
    sed 's|ws.sqlite.flows/[0-9a-f]*\.mvf|ws.sqlite.flows/X.mvf|'
touch -d '2020-01-01' BACI_HS92_Y2021_V202301_slice.csv
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv --workspace ws.sqlite
echo "-- 1, 2 and 8 threads: byte-identical caches"
for t in 1 2 8; do
    "$MVEC" flows import -q wto_kaz_imports_slice.csv BACI_HS17_Y2021_V202301_fixture.csv \
        --workspace "t$t.sqlite" --threads $t >/dev/null
    cat t$t.sqlite.flows/*.mvf | cksum > t$t.sum
done
cmp t1.sum t2.sum && cmp t1.sum t8.sum && echo "identical"
echo "-- remove, list"
"$MVEC" flows remove wto_long_slice.csv.gz --workspace ws.sqlite
"$MVEC" flows remove wto_long_slice.csv.gz --workspace ws.sqlite
echo "exit $?"
rm -f ws.sqlite.flows/*.saved
"$MVEC" flows list --workspace ws.sqlite | sed 's/^[0-9a-f]*\.mvf/X.mvf/; s|/.*/flows_import/||' | sort
"$MVEC" flows import --workspace ws.sqlite --threads 0 x.csv
echo "exit $?"
