#!/bin/sh
# tools/official/ei_gas.sh - regenerate data/kaz/official_ei_gas.csv, Kazakhstan's pipeline
# gas trade by partner in 2022 (Energy Institute, Statistical Review of World Energy 2023,
# sheet "Gas - Trade movts - pipeline", billion cubic metres) built into mvec, from the shared
# dataset ei-statistical-review-2023-energy through mvec's own importer (`ei-gas`) and writer
# (`mvec sources KAZ --format csv`: mvec's long format, values in the shortest form that reads
# back to the same number).
#
# usage: tools/official/ei_gas.sh [MVEC [DATA_DIR]] > data/kaz/official_ei_gas.csv
#
# Only Kazakhstan's own rows are kept (its exports by importer, its imports by exporter, and
# the two totals): six figures, quoted with attribution as the Review allows; the matrix
# itself stays in the shared datasets. Run from the repository root.
set -eu
mvec=${1:-build/release/mvec}
dir=${2:-${MVEC_DATA_DIR:-../shared/data}}
file="$dir/ei-statistical-review-2023-energy/cleaned_pipeline_trade_movements.csv"
[ -r "$file" ] || { echo "ei_gas.sh: cannot read $file" >&2; exit 1; }
exec "$mvec" sources KAZ --no-embedded --quiet --format csv --data "$file"
