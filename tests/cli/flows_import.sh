# Issue 7, points 1 and 10: `mvec flows import` on small public slices (tests/data/flows/SOURCE.md):
# BACI CSV, BACI in a .zip, the WTO's named and long (.gz) files; a second import of an unchanged
# file is not read; a changed source and a damaged cache (one byte flipped, truncated, emptied) are
# reported on stderr and rebuilt, never used; the same cache for 1, 2 and 8 threads; remove; list.
cp "$FIXTURES"/flows/BACI_HS92_Y2021_V202301_slice.csv "$FIXTURES"/flows/wto_kaz_imports_slice.csv \
   "$FIXTURES"/flows/wto_long_slice.csv.gz "$FIXTURES"/flows/BACI_HS17_Y2021_V202301_fixture.csv .
# cache names hash the absolute path of their source: hide them and the scratch directory
hide() { sed 's/[0-9a-f]\{16\}\.mvf/X.mvf/g; s|/[^ ]*/flows_import/||g'; }
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
# a workspace holding one cache, to damage it
"$MVEC" flows import -q BACI_HS92_Y2021_V202301_slice.csv --workspace d.sqlite
cache=$(ls d.sqlite.flows/*.mvf)
cp "$cache" saved.mvf
echo "-- one byte flipped"
printf '\377' | dd of="$cache" bs=1 seek=600 conv=notrunc 2>/dev/null
"$MVEC" flows --workspace d.sqlite | hide
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv --workspace d.sqlite 2>&1 | hide
cmp -s "$cache" saved.mvf && echo "rebuilt byte for byte"
echo "-- truncated, then emptied"
head -c 1000 saved.mvf > "$cache"
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv --workspace d.sqlite 2>&1 | hide
: > "$cache"
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv --workspace d.sqlite 2>&1 | hide
echo "-- source changed, source touched"
sed -i 's/^2021,4,24,382390,52.051,13.235/2021,4,24,382390,52.052,13.235/' BACI_HS92_Y2021_V202301_slice.csv
"$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv --workspace ws.sqlite 2>&1 |
    hide
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
"$MVEC" flows list --workspace ws.sqlite | hide | sort
"$MVEC" flows import --workspace ws.sqlite --threads 0 x.csv
echo "exit $?"
