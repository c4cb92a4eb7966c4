#!/bin/sh
# bench/simulate.sh BUILD - mvec simulate's speed (issue 8, point 4): the target is 10,000
# paths x 10 years of scenarios/squeezed.lua on the embedded data in under 1 second, and the
# table shows how the time grows with paths and years. Each case runs RUNS times; the fastest
# run counts. The time is the whole command: start-up (reading the embedded data, the
# baseline's profile, the network) is part of it. Exit 1 when the target is missed.
set -u
BUILD=${1:-build/release}
MVEC=$BUILD/mvec
RUNS=${RUNS:-5}
SCRIPT=scenarios/squeezed.lua
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT INT TERM

. "$(dirname "$0")/best_time.sh"

echo "mvec simulate ($SCRIPT, fastest of $RUNS runs, $(nproc) processors)"
printf '  %8s %6s %9s %14s\n' paths years seconds "us/path-year"
failed=0
for case in "1 10" "1000 10" "10000 10" "100000 10" "10000 5" "10000 20" "10000 40"; do
    set -- $case
    t=$(best_time "$MVEC" simulate "$SCRIPT" --paths "$1" --years "$2" --format csv)
    per=$(awk -v t="$t" -v p="$1" -v y="$2" 'BEGIN { printf "%.2f", t * 1e6 / (p * y) }')
    mark=
    if [ "$1" = 10000 ] && [ "$2" = 10 ]; then
        if awk -v t="$t" 'BEGIN { exit !(t < 1) }'; then mark="target < 1 s: ok"
        else mark="target < 1 s: MISSED"; failed=1; fi
    fi
    printf '  %8s %6s %9s %14s  %s\n' "$1" "$2" "$t" "$per" "$mark"
done
t1=$(best_time "$MVEC" simulate "$SCRIPT" --paths 10000 --threads 1 --format csv)
printf '  10000 paths x 10 years on 1 thread: %s s\n' "$t1"
exit $failed
