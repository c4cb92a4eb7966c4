# HHI and Theil of the Bureau slice's 2023 trade recomputed by awk from the published values
# (every partner listed, so the bounds are points) and compared with mvec's CSV to 1e-7
data="$FIXTURES/../../examples/data/kaz_trade_by_partner_2021_2023.csv"
"$MVEC" profile --no-embedded --data "$data" --year 2023 --format csv > mvec.csv
for flow in turnover exports imports; do
    # fields counted from the end: the Russian label may hold quoted commas
    awk -F, -v flow=$flow 'NR > 1 && $1 == 2023 {
        col = flow == "turnover" ? NF - 5 : flow == "exports" ? NF - 3 : NF - 1
        if ($(NF - 8) == "aggregate" && $(NF - 7) == "total") total = $col
        else if ($(NF - 8) == "country" && $col > 0) { n++; v[n] = $col }
    } END {
        for (i = 1; i <= n; i++) { s = v[i] / total; hhi += s * s; h -= s * log(s) }
        printf "%s %d %.7f %.7f\n", flow, n, hhi, log(n) - h
    }' "$data"
done > awk.txt
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $2 ~ /^trade\./ { printf "%s %d %.7f %.7f\n", $2, $c["partners_lo"], $c["hhi_lo"], $c["theil_lo"] }' \
    mvec.csv > mine.txt
cat awk.txt
paste -d' ' awk.txt mine.txt | awk '{
    ok = $2 == $6 && ($3 - $7) ^ 2 < 1e-14 && ($4 - $8) ^ 2 < 1e-14
    print $5, (ok ? "agrees" : "DIFFERS") }'
