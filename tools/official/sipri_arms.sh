#!/bin/sh
# sipri_arms.sh [MVEC [SHARED_DATA]] - write data/kaz/official_sipri_arms.csv to standard output:
# SIPRI arms transfers (TIV m) to and from Kazakhstan by partner and year, 1992-2021,
# read by mvec's own importer (sipri-tiv) from ../shared/data/sipri-tiv/sipri-exports-processed.csv, Kazakhstan's rows
# only (country KAZ), in mvec's long format. Regenerate with
#   tools/official/sipri_arms.sh build/release/mvec ../shared/data > data/kaz/official_sipri_arms.csv
# tests/cli/official_series.sh requires the committed file to equal this output.
set -eu
mvec=${1:-build/release/mvec}
data=${2:-../shared/data}
"$mvec" sources KAZ --no-embedded --data "$data/sipri-tiv/sipri-exports-processed.csv" --format csv -q
