#!/bin/sh
# itpd_kaz_fixture.sh [ITPD_FILE] - write tests/data/itpd/itpd_kaz_2000_2016.csv to standard output:
# Kazakhstan's total trade (exports + imports, goods and services) with each partner, 2000-2016,
# from the USITC ITPD-E release 1 totals in ../shared/data/itpd-e-bilateral-2000-2016/ (see its
# SOURCE.md), in mvec's long format (docs/formats.md, section 1). Domestic flows (exporter =
# importer) are dropped; WLD is the sum over the foreign partners, so every distribution is
# complete. Values in whole USD at constant 2010 prices, as in the file (unit "USD 2010").
# Regenerate: sh tests/itpd_kaz_fixture.sh > tests/data/itpd/itpd_kaz_2000_2016.csv
set -eu
file=${1:-$(dirname "$0")/../../shared/data/itpd-e-bilateral-2000-2016/itpd_e_r01_total_trade_2000_2016.csv}
LC_ALL=C awk -F, '
NR == 1 { next }
$2 == $3 { next }
$2 == "KAZ" || $3 == "KAZ" {
    p = $2 == "KAZ" ? $3 : $2
    v[$1 "," p] += $4
    world[$1] += $4
}
END {
    src = "USITC ITPD-E release 1"
    print "country,partner,vector,indicator,year,value,unit,basis,source,source_date,quality"
    for (k in v) {
        split(k, a, ",")
        printf "KAZ,%s,trade.total,value,%s,%.0f,USD 2010,third_party,%s,2022-10-21,official\n", a[2], a[1], v[k], src | "sort -t, -k5,5n -k2,2"
    }
    close("sort -t, -k5,5n -k2,2")
    for (y in world)
        printf "KAZ,WLD,trade.total,value,%s,%.0f,USD 2010,third_party,%s,2022-10-21,official\n", y, world[y], src | "sort -t, -k5,5n"
    close("sort -t, -k5,5n")
}' "$file"
