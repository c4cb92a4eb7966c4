# Flow tables as one country's trade vectors (docs/formats.md "Flow tables as observations",
# docs/methods.md section 12), on the hand-made fixtures of tests/data/flowprofile/: a BACI
# table (reconciled: exports, imports, total, basis third_party) through profile with its
# asymmetry block, --asymmetry in CSV and JSON, check, trend and coverage; a WTO table
# (importer-declared: imports reporter, exports partner, never added) through sources,
# profile on each basis, trend and coverage against a hand-made reference; then the usage errors.
cp "$FIXTURES/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv" "$FIXTURES/flowprofile/wto_tiny.csv" .
touch -d '2022-04-01 00:00:00 UTC' wto_tiny.csv # source_date of a WTO file: its modification date
B=BACI_HS92_Y2021_V202401_tiny.csv
run() {
    echo "\$ mvec $*"
    "$MVEC" "$@"
    echo "exit $?"
}
run profile KAZ --no-embedded --data $B
run profile KAZ --no-embedded --data $B --asymmetry --format csv
run profile KAZ --no-embedded --data $B --asymmetry --format json --year 2020
run check KAZ --no-embedded --data $B
run trend KAZ --vector trade.total --partner CHN --no-embedded --data $B
run coverage KAZ --data $B
run sources KAZ --no-embedded --data wto_tiny.csv --format csv
run profile KAZ --no-embedded --data wto_tiny.csv --year 2019
run profile KAZ --no-embedded --data wto_tiny.csv --year 2019 --basis partner
run trend KAZ --vector trade.imports --partner CHN --basis reporter --no-embedded --data wto_tiny.csv
cat > reference.csv <<'CSV'
country,partner,vector,indicator,year,value,unit,basis,source,quality
KAZ,WLD,trade.imports,value,2019,4.1,USD k,reporter,Hand-made reference,official
KAZ,WLD,trade.imports,value,2018,3.5,USD k,reporter,Hand-made reference,official
CSV
run coverage KAZ --data wto_tiny.csv --against reference.csv
run coverage KAZ --data wto_tiny.csv --against reference.csv --tolerance 2.5 --format csv
# usage errors: exit 2
run sources --data $B
run profile KAZ --asymmetry
run coverage KAZ
run coverage KAZ --data $B --tolerance much
