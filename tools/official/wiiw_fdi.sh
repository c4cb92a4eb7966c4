#!/bin/sh
# wiiw_fdi.sh [MVEC [SHARED_DATA]] - write data/kaz/official_wiiw_fdi.csv to standard output:
# the National Bank of Kazakhstan's FDI inflows and inward stock by partner, 2003-2021 (wiiw FDI Database, EUR m),
# read by mvec's own importer (wiiw-fdi) from ../shared/data/wiiw-fdi-kaz/wiiw_partners.csv, Kazakhstan's rows
# only (country KAZ), in mvec's long format. Regenerate with
#   tools/official/wiiw_fdi.sh build/release/mvec ../shared/data > data/kaz/official_wiiw_fdi.csv
# tests/cli/official_series.sh requires the committed file to equal this output.
set -eu
mvec=${1:-build/release/mvec}
data=${2:-../shared/data}
"$mvec" sources KAZ --no-embedded --data "$data/wiiw-fdi-kaz/wiiw_partners.csv" --format csv -q
