#!/bin/sh
# bench/serve.sh BUILD - mvec serve under load on loopback (issue 9, point 4): 10,000 requests
# at concurrency 64, mixed (profile JSON of two countries, figures with sources, the page and
# its script), with bench/loadgen.c (one connection per request); 0 errors is the target.
# Then 256 requests at concurrency 64 that all differ (each profile computed, none from the
# cache) to show what a computed answer costs under load. THREADS (default 4) sets the
# server's request threads. Exit 1 on any error.
set -u
BUILD=${1:-build/release}
MVEC=$BUILD/mvec
N=${N:-10000}
THREADS=${THREADS:-4}
OUT=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$OUT"' EXIT INT TERM
cc -std=c11 -O2 -o "$OUT/loadgen" bench/loadgen.c -lpthread || exit 1
MVEC_WORKSPACE=$OUT/none.sqlite "$MVEC" serve --port 0 --quiet --threads "$THREADS" \
    --data examples/data/uzbekistan.csv 2>"$OUT/stderr" &
server=$!
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    port=$(sed -n 's|^mvec serve: http://127.0.0.1:\([0-9]*\)/$|\1|p' "$OUT/stderr")
    [ -n "$port" ] && break
    sleep 0.5
done
[ -n "$port" ] || { echo "serve.sh: the server did not start"; cat "$OUT/stderr"; exit 1; }
echo "mvec serve on loopback, $(nproc) processors, $THREADS request threads"
failed=0
printf '  %-40s ' "mixed, $N requests, concurrency 64:"
"$OUT/loadgen" 127.0.0.1 "$port" "$N" 64 "/api/profile?country=KAZ" \
    "/api/sources?country=UZB" "/" "/api/profile?country=UZB&year=2016" \
    "/api/sources?country=KAZ&vector=trade.total" "/app.js" || failed=1
targets=
for i in $(seq 1 256); do targets="$targets /api/profile?weights=trade.exports%3D$i"; done
printf '  %-40s ' "256 distinct profiles, concurrency 64:"
# shellcheck disable=SC2086
"$OUT/loadgen" 127.0.0.1 "$port" 256 64 $targets || failed=1
kill -TERM "$server"
wait "$server" || { echo "serve.sh: the server did not stop cleanly"; failed=1; }
exit $failed
