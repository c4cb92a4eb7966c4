#!/bin/sh
# bench/import_bench.sh BUILD - issue 6's import timings (bench/README.md): mvec reading the UNGA
# votes (870k rows) and ITPD-E (428k rows) against DuckDB loading the same CSV into a table of a
# file-backed database, in the same run; and a profile from mvec's workspace. Each command runs
# RUNS times (default 3); the fastest counts. DuckDB (@duckdb/node-api from npm) is installed
# into build/bench/node on the first run. Skipped (exit 0) without the shared datasets or node.
# Exit 1 when mvec is slower than DuckDB on an import.
set -u
BUILD=${1:-build/release}
MVEC=$BUILD/mvec
RUNS=${RUNS:-3}
DATA_DIR=${MVEC_DATA_DIR:-../shared/data}
ITPD=$DATA_DIR/itpd-e-bilateral-2000-2016/itpd_e_r01_total_trade_2000_2016.csv
VOTES=$DATA_DIR/unga-votes/un_votes.csv
WORK=build/bench
failed=0
if [ ! -r "$ITPD" ] || [ ! -r "$VOTES" ]; then
    echo "  ITPD-E or UNGA votes not found under $DATA_DIR: import bench skipped"
    exit 0
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "  node/npm not found: import bench skipped"
    exit 0
fi
mkdir -p "$WORK/node"
if [ ! -d "$WORK/node/node_modules/@duckdb/node-api" ]; then
    cp bench/package.json "$WORK/node/package.json"
    (cd "$WORK/node" && npm install --no-audit --no-fund >/dev/null 2>&1) ||
        { echo "  npm install of @duckdb/node-api failed: import bench skipped"; exit 0; }
fi

now() { date +%s%N; }
best_time() { # COMMAND... : the fastest of RUNS runs in seconds; `reset` runs before each
    best=
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        reset
        start=$(now)
        "$@" > "$WORK/out.txt" 2> "$WORK/err.txt" ||
            { echo "bench: '$*' failed:" >&2; tail -5 "$WORK/err.txt" >&2; exit 1; }
        end=$(now)
        elapsed=$((end - start))
        if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best=$elapsed; fi
        i=$((i + 1))
    done
    awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}
row() { # LABEL MVEC_SECONDS DUCKDB_SECONDS
    ratio=$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", a / b }')
    verdict=ok
    awk -v r="$ratio" 'BEGIN { exit !(r <= 1) }' || { verdict="MISSED (mvec slower)"; failed=1; }
    printf '  %-28s mvec %7s s  duckdb %7s s  mvec/duckdb %5s  %s\n' "$1" "$2" "$3" "$ratio" \
        "$verdict"
}

DB=$WORK/duckdb.db
WS=$WORK/workspace.sqlite
reset() { rm -f "$DB" "$DB.wal"; }
duck_unga=$(best_time node bench/duckdb_load.js "$DB" "$VOTES")
duck_itpd=$(best_time node bench/duckdb_load.js "$DB" "$ITPD")
echo "import bench ($MVEC, fastest of $RUNS runs; DuckDB $(node -e "
const d=require('./$WORK/node/node_modules/@duckdb/node-api');
d.DuckDBInstance.create(':memory:').then(i=>i.connect()).then(c=>c.runAndReadAll('select version()'))
.then(r=>console.log(r.getRows()[0][0]))" 2>/dev/null), file-backed database)"
if "$MVEC" import --help >/dev/null 2>&1; then
    # The workspace (issue 6 point 2): each import into a fresh workspace file.
    reset() { rm -f "$WS" "$WS-journal" "$WS-wal"; }
    mvec_unga=$(best_time "$MVEC" import unga "$VOTES" --workspace "$WS")
    mvec_itpd=$(best_time "$MVEC" import itpd "$ITPD" --workspace "$WS")
    row "UNGA votes -> workspace" "$mvec_unga" "$duck_unga"
    row "ITPD-E -> workspace" "$mvec_itpd" "$duck_itpd"
    reset() { :; }
    profile=$(best_time "$MVEC" profile UZB --workspace "$WS" --no-embedded)
    printf '  %-28s mvec %7s s\n' "profile UZB from workspace" "$profile"
else
    echo "  (no 'mvec import' in this build: mvec reads each file into memory instead)"
fi
# Reading into memory and answering (no workspace): what --data does.
reset() { :; }
mem_unga=$(best_time "$MVEC" sources KAZ --no-embedded --vector diplomacy.unga --partner USA \
    --data "$VOTES")
mem_itpd=$(best_time "$MVEC" profile UZB --no-embedded --data "$ITPD")
row "UNGA votes, --data + sources" "$mem_unga" "$duck_unga"
row "ITPD-E, --data + profile" "$mem_itpd" "$duck_itpd"
rm -f "$DB" "$DB.wal" "$WS" "$WS-journal" "$WS-wal" "$WORK/out.txt" "$WORK/err.txt"
exit $failed
