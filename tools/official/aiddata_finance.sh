#!/bin/sh
# aiddata_finance.sh [MVEC [SHARED_DATA]] - write data/kaz/official_aiddata_finance.csv to standard output:
# Chinese official finance commitments to Kazakhstan, 2000-2021 (AidData GCDF 3.0, constant 2021 USD),
# read by mvec's own importer (aiddata) from ../shared/data/aiddata-gcdf3-china-finance/cow_gcdf.csv, Kazakhstan's rows
# only (country KAZ), in mvec's long format. Regenerate with
#   tools/official/aiddata_finance.sh build/release/mvec ../shared/data > data/kaz/official_aiddata_finance.csv
# tests/cli/official_series.sh requires the committed file to equal this output.
set -eu
mvec=${1:-build/release/mvec}
data=${2:-../shared/data}
"$mvec" sources KAZ --no-embedded --data "$data/aiddata-gcdf3-china-finance/cow_gcdf.csv" --format csv -q
