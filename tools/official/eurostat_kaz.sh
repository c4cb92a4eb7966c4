#!/bin/sh
# tools/official/eurostat_kaz.sh - regenerate data/kaz/official_eurostat_kaz.csv: the EU member
# states' exports to Kazakhstan by year (Eurostat Comext, euros), Kazakhstan's imports from
# each member as the partners record them (mirror statistics, basis partner), from the shared
# dataset eurostat-eu-exports-to-kaz through mvec's own importer (`eurostat`: months summed to
# whole years only when all 12 are there, other years kept with their months as the period)
# and writer (`mvec sources KAZ --format csv`).
#
# usage: tools/official/eurostat_kaz.sh [MVEC [DATA_DIR]] > data/kaz/official_eurostat_kaz.csv
# Run from the repository root.
set -eu
mvec=${1:-build/release/mvec}
dir=${2:-${MVEC_DATA_DIR:-../shared/data}}
file="$dir/eurostat-eu-exports-to-kaz/eu_exports_to_kaz_monthly_2019_2024.csv"
[ -r "$file" ] || { echo "eurostat_kaz.sh: cannot read $file" >&2; exit 1; }
exec "$mvec" sources KAZ --no-embedded --quiet --format csv --data "$file"
