# Issue 7, point 10: hostile flow files (tests/data/flows/SOURCE.md) - truncated line, bad number,
# a value finer than a dollar, unterminated quote, a non-numeric code, an extra field, an unknown
# header, invalid UTF-8, WTO cents, a WTO code not of three digits, a WITS product group, a
# field over 1 MiB, a
# truncated gzip, a zip of two members and of none - each give file:line:column and exit 3, and
# leave no cache file. A well-formed code no registry knows (999) is kept, with a warning.
cp "$FIXTURES"/flows/bad_*.csv "$FIXTURES"/flows/unknown_code.csv "$FIXTURES"/flows/wto_long_slice.csv.gz .
{ printf 'year,reporter_m49,reporter,partner_m49,partner,hs2,product,value_usd\n2015,398,'
  head -c 1100000 /dev/zero | tr '\0' x
  printf ',000,World,01,Live animals,25866430.0\n'; } > bad_huge_field.csv
head -c 300 wto_long_slice.csv.gz > bad_truncated.csv.gz
python3 -c '
import zipfile
with zipfile.ZipFile("bad_two_members.zip", "w") as z:
    for name in ("BACI_HS92_Y2021_V202301.csv", "country_codes_V202301.csv"):
        z.writestr(zipfile.ZipInfo(name, (2023, 1, 1, 0, 0, 0)), "t,i,j,k,v,q\n")
zipfile.ZipFile("bad_no_member.zip", "w").close()
'
for f in bad_*.csv bad_truncated.csv.gz bad_two_members.zip bad_no_member.zip; do
    "$MVEC" flows import "$f" --workspace ws.sqlite --threads 2
    echo "exit $?"
done
ls ws.sqlite.flows 2>/dev/null | wc -l | sed 's/^/cache files left: /'
"$MVEC" flows import unknown_code.csv --workspace ws.sqlite
echo "exit $?"
