#!/bin/sh
# unctad_fdi.sh [MVEC [SHARED_DATA]] - write data/kaz/official_unctad_fdi.csv to standard output:
# UNCTAD bilateral FDI of Kazakhstan by partner, 2001-2012, as reported by Kazakhstan and (mirror) by its partners,
# read by mvec's own importer (unctad-fdi) from ../shared/data/unctad-bilateral-fdi/unctad_bilateral_fdi_2001_2012.csv, Kazakhstan's rows
# only (country KAZ), in mvec's long format. Regenerate with
#   tools/official/unctad_fdi.sh build/release/mvec ../shared/data > data/kaz/official_unctad_fdi.csv
# tests/cli/official_series.sh requires the committed file to equal this output.
set -eu
mvec=${1:-build/release/mvec}
data=${2:-../shared/data}
"$mvec" sources KAZ --no-embedded --data "$data/unctad-bilateral-fdi/unctad_bilateral_fdi_2001_2012.csv" --format csv -q
