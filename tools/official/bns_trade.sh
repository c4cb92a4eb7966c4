#!/bin/sh
# tools/official/bns_trade.sh - regenerate data/kaz/official_bns_trade.csv, the Bureau of
# National Statistics' trade-by-partner table 2018-2023 built into mvec, from the shared
# dataset kaz-bns-trade-by-partner, through mvec's own importer (`bns`) and writer
# (`mvec sources --format csv` writes mvec's long format, each value in the shortest form
# that reads back to the same number).
#
# usage: tools/official/bns_trade.sh [MVEC [DATA_DIR]] > data/kaz/official_bns_trade.csv
#   MVEC      the built mvec (default build/release/mvec)
#   DATA_DIR  the shared datasets (default $MVEC_DATA_DIR, else ../shared/data)
#
# Every row of the Bureau's file gives up to six rows here (turnover, exports and imports,
# each as a value in thousand USD and as the published share); rows of an earlier release
# (latest = 0) are kept with status `superseded`; aggregates are partners WLD (the total)
# and BNS.* (the Bureau's groups), never countries. Run from the repository root.
set -eu
mvec=${1:-build/release/mvec}
dir=${2:-${MVEC_DATA_DIR:-../shared/data}}
file="$dir/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv"
[ -r "$file" ] || { echo "bns_trade.sh: cannot read $file" >&2; exit 1; }
exec "$mvec" sources --no-embedded --quiet --format csv --data "$file"
