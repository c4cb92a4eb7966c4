# bench/best_time.sh - sourced by the bench scripts: best_time COMMAND... prints the fastest of
# $RUNS runs in seconds, keeping the last run's output in $OUT (which the caller makes).
now() { date +%s%N; }

best_time() {
    best=
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        start=$(now)
        "$@" > "$OUT" 2>/dev/null || { echo "bench: '$*' failed" >&2; exit 1; }
        end=$(now)
        elapsed=$((end - start))
        if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best=$elapsed; fi
        i=$((i + 1))
    done
    awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}
