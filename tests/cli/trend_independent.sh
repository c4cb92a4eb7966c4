# Independent recomputation (awk, not the library) of what 'mvec trend' prints, from the raw
# values of the ITPD-E fixture: China's share of turnover each year (value / WLD), and the
# decomposition 2000 -> 2016 (each partner's s2^2 - s1^2, their sum, the HHI change); each
# must agree with mvec's CSV to 1e-12 relative. When the shared datasets are present the
# fixture is also regenerated from the full ITPD-E file (tests/itpd_kaz_fixture.sh) and must be
# byte for byte the committed one, and the shares are recomputed from the full file too
# (silent when they agree, so the output is the same with and without the datasets).
fixture="$FIXTURES/itpd/itpd_kaz_2000_2016.csv"
"$MVEC" trend KAZ --vector trade.total --partner CHN --no-embedded --data "$fixture" \
    --format csv > series.csv
"$MVEC" trend KAZ --vector trade.total --explain 2000 2016 --no-embedded --data "$fixture" \
    --format csv > parts.csv
# value and partner columns found by name; the source has no commas
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["partner"] == "CHN" { chn[$c["year"]] = $c["value"] }
    $c["partner"] == "WLD" { wld[$c["year"]] = $c["value"] }
    END { for (y in wld) printf "%d %.17g\n", y, 100 * chn[y] / wld[y] }' "$fixture" |
    sort > awk_series.txt
awk -F, 'NR > 1 { print $1, $2 }' series.csv | sort > mvec_series.txt
join awk_series.txt mvec_series.txt | awk '{
    d = $2 - $3; if (d < 0) d = -d
    if (d > 1e-12 * $2) { bad++; print "share", $1, "DIFFERS:", $2, $3 }
    n++ } END { printf "CHN share: %d years, %s\n", n, bad ? "DIFFER" : "agree to 1e-12" }'
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["year"] == 2000 || $c["year"] == 2016 { v[$c["year"], $c["partner"]] = $c["value"]
        if ($c["partner"] != "WLD") p[$c["partner"]] = 1 }
    END { for (q in p) { a = v[2000, q] / v[2000, "WLD"]; b = v[2016, q] / v[2016, "WLD"]
              printf "%s %.17g\n", q, b * b - a * a; total += b * b - a * a }
          printf "TOTAL %.17g\n", total }' "$fixture" | sort > awk_parts.txt
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { print $c["partner"], $c["hhi_part"]; total += $c["hhi_part"] }
    END { printf "TOTAL %.17g\n", total }' parts.csv | sort > mvec_parts.txt
join awk_parts.txt mvec_parts.txt | awk '{
    d = $2 - $3; if (d < 0) d = -d; m = $2 < 0 ? -$2 : $2
    if (d > 1e-12 * m + 1e-18) { bad++; print "part", $1, "DIFFERS:", $2, $3 }
    n++ } END { printf "HHI parts 2000 -> 2016: %d partners and the total, %s\n", n - 1,
                       bad ? "DIFFER" : "agree to 1e-12" }'
echo "partners only one side has: $(join -v1 awk_parts.txt mvec_parts.txt | wc -l)" \
     "$(join -v2 awk_parts.txt mvec_parts.txt | wc -l)"
itpd="$SHARED/itpd-e-bilateral-2000-2016/itpd_e_r01_total_trade_2000_2016.csv"
if [ -f "$itpd" ]; then
    sh "$FIXTURES/../itpd_kaz_fixture.sh" "$itpd" > regenerated.csv
    cmp -s regenerated.csv "$fixture" || echo "the fixture DIFFERS from its regeneration"
    LC_ALL=C awk -F, '$2 != $3 && ($2 == "KAZ" || $3 == "KAZ") {
            p = $2 == "KAZ" ? $3 : $2; w[$1] += $4; if (p == "CHN") c[$1] += $4 }
        END { for (y in w) printf "%d %.17g\n", y, 100 * c[y] / w[y] }' "$itpd" |
        sort > raw_series.txt
    join raw_series.txt mvec_series.txt | awk '{ d = $2 - $3; if (d < 0) d = -d
        if (d > 1e-12 * $2) print "share from the full ITPD-E file", $1, "DIFFERS:", $2, $3 }'
fi
