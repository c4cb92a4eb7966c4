#!/bin/bash
# bench/flows/run.sh [SIZE] - the flows benchmark of issue 7, point 8 (bench/README.md, "Flows").
#
# SIZE: 1m (default: 1,000,000 rows, 1 year), 10m (10 million rows, 1 year: one BACI year),
#       30m (30 million rows, 3 years: the issue's target), ROWS:YEARS, or wto (the real WTO HS2
#       file, $MVEC_DATA_DIR/wto-hs2-bilateral-imports, rewritten once in the BACI layout).
# Generates the data (bench/flows/baci_gen.c, deterministic) into build/bench/flows/data, runs
# Q1, Q2, Q3 and all three at once by every available peer (mvec, DuckDB, R data.table,
# pandas), interleaved: RUNS rounds, each running every peer once in an order rotated from
# round to round; times each whole process with /usr/bin/time (wall, peak RSS); checks the
# answers against the exact reference (CHECK=1, the default up to 2 million rows) or against
# each other; measures the machine's limits (scan.c, membw.c); prints the table of medians.
#
# Environment: RUNS (5, or 3 above 2 million rows), QUERIES ("all q1 q2 q3"),
# PEERS ("mvec duckdb datatable pandas"), CHECK (1 up to 2 million rows, else 0),
# LIMITS (1), BUILD (build/release), MVEC ($BUILD/mvec), MVEC_DATA_DIR (../shared/data).
# A missing peer is skipped with a message; as root, missing Debian packages (r-base-core,
# r-cran-data.table, python3-pandas, time) are installed, and DuckDB comes from npm into
# build/bench/node as bench/import_bench.sh does. Exit status 1 if a peer fails or mvec's
# answers differ from the reference (a peer's differences are reported, not failed).
set -u -o pipefail

# mvec's slot: the subcommand that answers the queries, called as
#   $MVEC $MVEC_QUERY QUERY DATA_DIR OUT_DIR BLOCS_CSV   (QUERY = q1|q2|q3|all)
# writing OUT_DIR/q1.csv .. q3.csv in the answer format of bench/README.md. When this command
# is not in the build (probed on 1,000 generated rows), the mvec column says "not built".
MVEC_QUERY="flows query"
# From mvec's cache (optional): run once before the rounds, then queried like MVEC_QUERY.
MVEC_CACHE_PREP="flows import --workspace build/bench/flows/ws"   # (+ the data files)
MVEC_CACHE_QUERY="flows query --workspace build/bench/flows/ws"

BUILD=${BUILD:-build/release}
MVEC=${MVEC:-$BUILD/mvec}

# One timed process: __exec PEER QUERY DATA_DIR OUT_DIR BLOCS, called from the repository's
# root. First in the script, before any subshell: what the harness adds to each timed run is a
# shell's start and this test (~5 ms), the same for every peer; after the `cd` below it added
# ~25 ms, a third of mvec's time from its cache.
if [ "${1:-}" = __exec ]; then
    peer=$2
    shift 2
    # shellcheck disable=SC2086 # the subcommands are several words
    case $peer in
    mvec) exec "$MVEC" $MVEC_QUERY "$@" ;;  # another signature: change this line only
    mvec-cache) exec "$MVEC" $MVEC_CACHE_QUERY "$@" ;;
    duckdb) exec node bench/flows/peers/duckdb.js "$@" ;;
    datatable) exec Rscript bench/flows/peers/datatable.R "$@" ;;
    pandas) exec /usr/bin/python3 bench/flows/peers/pandas_peer.py "$@" ;;
    esac
    exit 127
fi

SELF=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/../.." || exit 2
BLOCS=bench/flows/blocs.csv

SIZE=${1:-1m}
WORK=build/bench/flows
DATA_ROOT=${MVEC_DATA_DIR:-../shared/data}
mkdir -p "$WORK/bin" "$WORK/data" "$WORK/out" "$WORK/results"
say() { printf '%s\n' "$*" >&2; }
as_root() { [ "$(id -u)" = 0 ]; }
apt_install() { # PACKAGE... : only as root
    as_root || return 1
    say "installing $* (Debian)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } \
        > "$WORK/apt.log" 2>&1
}

# --- tools -------------------------------------------------------------------------------
[ -x /usr/bin/time ] || apt_install time || { say "flows bench: /usr/bin/time (GNU time) is needed"; exit 2; }
CC=${CC:-cc}
build_tool() { # NAME FLAGS... : build/bench/flows/bin/NAME from bench/flows/NAME.c when stale
    local name=$1
    shift
    if [ ! -x "$WORK/bin/$name" ] || [ "bench/flows/$name.c" -nt "$WORK/bin/$name" ]; then
        "$CC" -std=c11 -O2 "$@" -o "$WORK/bin/$name" "bench/flows/$name.c" -lm ||
            { say "flows bench: cannot build $name"; exit 2; }
    fi
}
build_tool baci_gen -ffp-contract=off
build_tool scan -march=native -pthread
build_tool membw -march=native -pthread

# --- data --------------------------------------------------------------------------------
case $SIZE in
1m) ROWS=1000000 YEARS=1 ;;
10m) ROWS=10000000 YEARS=1 ;;
30m) ROWS=30000000 YEARS=3 ;;
wto) ROWS=0 YEARS=0 ;;
*:*) ROWS=${SIZE%%:*} YEARS=${SIZE##*:} ;;
*) say "usage: bench/flows/run.sh [1m|10m|30m|ROWS:YEARS|wto]"; exit 2 ;;
esac
DATA=$WORK/data/$SIZE
if [ "$SIZE" = wto ]; then
    WTO=$DATA_ROOT/wto-hs2-bilateral-imports/wto_hs2_bilateral_imports_all_1996_2020.csv.gz
    [ -r "$WTO" ] || { say "flows bench: $WTO not found: skipped"; exit 0; }
    stamp="wto $(cksum < "$WTO")"
    if [ "$(cat "$DATA/.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "rewriting $WTO in the BACI layout into $DATA"
        rm -rf "$DATA" && mkdir -p "$DATA"
        # t = year, i = partner (exporter), j = reporter (importer), k = HS2 chapter,
        # v = value in thousand USD (the file's whole dollars / 1000: exact), q empty.
        # Partner 000 (World: the reporter's total) is left out.
        gzip -dc "$WTO" | tr -d '\r' | awk -F, -v dir="$DATA" '
            NR == 1 { if ($0 != "year,reporter_m49,partner_m49,hs2,value_usd") { print "unexpected header: " $0 > "/dev/stderr"; exit 3 }; next }
            $3 == "000" { next }
            {
                v = $5; sign = ""
                if (substr(v, 1, 1) == "-") { sign = "-"; v = substr(v, 2) }
                sub(/\.0*$/, "", v)
                if (v !~ /^[0-9]+$/) { print "line " NR ": value " $5 " is not whole dollars" > "/dev/stderr"; exit 3 }
                while (length(v) < 4) v = "0" v
                f = dir "/BACI_WTO_Y" $1 ".csv"
                if (!(f in seen)) { seen[f] = 1; print "t,i,j,k,v,q" > f }
                print $1 "," ($3 + 0) "," ($2 + 0) "," $4 "," sign substr(v, 1, length(v) - 3) "." substr(v, length(v) - 2) "," > f
            }' || { say "flows bench: cannot rewrite $WTO"; rm -rf "$DATA"; exit 2; }
        # mvec reads the WTO's own file (its reader knows the layout), decompressed once as
        # the peers' rewrite is made once: neither decompression is timed.
        mkdir -p "$DATA/original" && gzip -dc "$WTO" > "$DATA/original/$(basename "$WTO" .gz)" ||
            { say "flows bench: cannot decompress $WTO"; rm -rf "$DATA"; exit 2; }
        echo "$stamp" > "$DATA/.stamp"
    fi
    export MVEC_INPUT
    MVEC_INPUT=$DATA/original/$(basename "$WTO" .gz)
    ROWS=$(cat "$DATA"/BACI_*.csv | wc -l)
    NFILES=$(find "$DATA" -name 'BACI_*.csv' | wc -l)
    ROWS=$((ROWS - NFILES))
    YEARS=$NFILES
else
    stamp="$ROWS $YEARS $(cksum < bench/flows/baci_gen.c)"
    if [ "$(cat "$DATA/.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "generating $ROWS rows over $YEARS year(s) into $DATA"
        rm -rf "$DATA"
        "$WORK/bin/baci_gen" "$ROWS" "$YEARS" "$DATA" || { say "flows bench: generation failed"; exit 2; }
        echo "$stamp" > "$DATA/.stamp"
    fi
fi
FILES=$(find "$DATA/" -name 'BACI_*.csv' | sort)
# shellcheck disable=SC2086 # FILES: paths without spaces, one per line
BYTES=$(cat $FILES | wc -c)
if [ "$ROWS" -le 2000000 ]; then def_runs=5 def_check=1; else def_runs=3 def_check=0; fi
RUNS=${RUNS:-$def_runs}
CHECK=${CHECK:-$def_check}
QUERIES=${QUERIES:-all q1 q2 q3}

# --- peers -------------------------------------------------------------------------------
available=()
for peer in ${PEERS:-mvec mvec-cache duckdb datatable pandas}; do
    case $peer in
    mvec)
        # Probed by answering q1 on 1,000 rows (not by --help, which a CLI may answer for any
        # subcommand): available when it exits 0 and writes q1.csv.
        probe=$WORK/probe
        rm -rf "$probe" && mkdir -p "$probe/out"
        if [ -x "$MVEC" ] && "$WORK/bin/baci_gen" 1000 1 "$probe/data" 2> /dev/null &&
            "$SELF" __exec mvec q1 "$probe/data" "$probe/out" "$BLOCS" > "$probe/log.txt" 2>&1 &&
            [ -s "$probe/out/q1.csv" ]; then
            available+=(mvec)
        else
            say "mvec: '$MVEC $MVEC_QUERY' not built (or failed on 1,000 rows, see $probe/log.txt): its column says so"
        fi ;;
    mvec-cache)
        [ -n "$MVEC_CACHE_QUERY" ] || continue
        # shellcheck disable=SC2086
        if [ -x "$MVEC" ] && "$MVEC" $MVEC_CACHE_PREP ${MVEC_INPUT:-$FILES} > "$WORK/cache-prep.log" 2>&1; then
            available+=(mvec-cache)
        else
            say "mvec-cache: '$MVEC $MVEC_CACHE_PREP' failed (see $WORK/cache-prep.log): skipped"
        fi ;;
    duckdb)
        if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
            say "duckdb: node/npm not found: skipped"
            continue
        fi
        if [ ! -d build/bench/node/node_modules/@duckdb/node-api ]; then
            mkdir -p build/bench/node && cp bench/package.json build/bench/node/package.json
            (cd build/bench/node && npm install --no-audit --no-fund > /dev/null 2>&1) ||
                { say "duckdb: npm install of @duckdb/node-api failed: skipped"; continue; }
        fi
        available+=(duckdb) ;;
    datatable)
        if ! Rscript -e 'library(data.table)' > /dev/null 2>&1; then
            apt_install r-base-core r-cran-data.table ||
                { say "datatable: R with data.table not found (as root it is installed): skipped"; continue; }
        fi
        available+=(datatable) ;;
    pandas)
        if ! /usr/bin/python3 -c 'import pandas' > /dev/null 2>&1; then
            apt_install python3-pandas ||
                { say "pandas: /usr/bin/python3 with pandas not found (as root it is installed): skipped"; continue; }
        fi
        available+=(pandas) ;;
    *) say "unknown peer $peer: skipped" ;;
    esac
done

# --- rounds ------------------------------------------------------------------------------
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RES=$WORK/results/$SIZE-$STAMP.tsv
OUT=$WORK/out/$SIZE
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck disable=SC2086
cat $FILES > /dev/null   # warm page cache: every run reads the files from memory
printf 'query\tpeer\tround\twall_s\tmaxrss_kb\tuser_s\tsys_s\tstatus\n' > "$RES"
failed=0
n=${#available[@]}
for q in $QUERIES; do
    for ((r = 0; r < RUNS; r++)); do
        for ((x = 0; x < n; x++)); do
            peer=${available[$(((x + r) % n))]}
            o=$OUT/$peer/$q
            rm -rf "$o" && mkdir -p "$o"
            input=$DATA
            case $peer in mvec*) input=${MVEC_INPUT:-$DATA} ;; esac
            if /usr/bin/time -f '%e %M %U %S' -o "$o/time.txt" \
                "$SELF" __exec "$peer" "$q" "$input" "$o" "$BLOCS" > "$o/log.txt" 2>&1; then
                read -r wall rss user sys < <(tail -1 "$o/time.txt")
                printf '%s\t%s\t%d\t%s\t%s\t%s\t%s\tok\n' "$q" "$peer" "$r" "$wall" "$rss" "$user" "$sys" >> "$RES"
                say "$SIZE $q round $r $peer: ${wall} s, $((rss / 1024)) MiB"
            else
                printf '%s\t%s\t%d\t-\t-\t-\t-\tfailed\n' "$q" "$peer" "$r" >> "$RES"
                say "$SIZE $q round $r $peer: FAILED (see $o/log.txt)"
                tail -3 "$o/log.txt" >&2
                failed=1
            fi
        done
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- answers -----------------------------------------------------------------------------
# Every peer's answers against the exact reference (or, without it, against the first peer's).
# A peer that differs is a finding, reported in the table; only mvec differing fails the run.
CMP=$WORK/results/$SIZE-$STAMP-answers.txt
: > "$CMP"
dirs=()
for peer in "${available[@]}"; do for q in $QUERIES; do
    for f in "$OUT/$peer/$q"/q[123].csv; do [ -f "$f" ] && dirs+=("$OUT/$peer/$q") && break; done
done; done
base=
if [ "$CHECK" = 1 ]; then
    base=$OUT/reference
    if [ ! -f "$base/exact/q3.csv" ] || [ "$(cat "$base/.stamp" 2>/dev/null)" != "$(cat "$DATA/.stamp")" ]; then
        say "computing the exact reference (python3 bench/flows/reference.py)"
        rm -rf "$base" && mkdir -p "$base"
        if python3 bench/flows/reference.py "$DATA" "$base" "$BLOCS"; then
            cp "$DATA/.stamp" "$base/.stamp"
        else
            say "reference failed"
            base=
            failed=1
        fi
    fi
    [ -n "$base" ] && echo "answers against the exact reference (bench/flows/reference.py), rtol 1e-12:" >> "$CMP"
elif [ ${#dirs[@]} -gt 1 ]; then
    base=${dirs[0]}
    dirs=("${dirs[@]:1}")
    echo "answers against ${base#"$OUT"/} (no exact reference at this size), rtol 1e-12:" >> "$CMP"
fi
if [ -n "$base" ]; then
    for d in "${dirs[@]}"; do
        if ! python3 bench/flows/compare.py "$base" "$d" >> "$CMP"; then
            case ${d#"$OUT"/} in mvec*) failed=1 ;; esac
        fi
    done
fi

# --- limits ------------------------------------------------------------------------------
LIM=$WORK/results/$SIZE-$STAMP-limits.txt
: > "$LIM"
if [ "${LIMITS:-1}" = 1 ]; then
    say "measuring the limits (scan, membw)"
    for mode in read naive swar avx2 parse; do
        for t in 1 2; do
            [ "$mode" = read ] && [ "$t" = 2 ] && continue
            # shellcheck disable=SC2086
            "$WORK/bin/scan" "$mode" -t "$t" -r 3 $FILES >> "$LIM" 2> /dev/null
        done
    done
    for t in 1 2; do "$WORK/bin/membw" -m 1024 -r 3 -t "$t" >> "$LIM"; done
fi

python3 bench/flows/table.py --size "$SIZE" --rows "$ROWS" --years "$YEARS" --bytes "$BYTES" \
    --runs "$RUNS" --load "$LOAD_BEFORE" "$LOAD_AFTER" --peers "${PEERS:-mvec mvec-cache duckdb datatable pandas}" \
    --queries "$QUERIES" "$RES" "$LIM" "$CMP"
say "raw results: $RES"
exit $failed
