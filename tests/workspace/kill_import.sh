#!/bin/sh
# kill_import.sh BUILD_DIR - kill -9 in the middle of `mvec import` leaves the workspace as it
# was. A workspace holding one small file is copied aside; an import of a large valid file
# (500,000 rows, generated; 100,000 in a sanitizer build) is started and killed with SIGKILL after a delay chosen to fall
# at spread-out points of the import: while reading, while writing rows (nothing reaches the
# database file yet), and during the commit (pages written into the database file, the
# journal hot). Then any mvec command that opens the workspace plays the journal back, and
# the file must be byte for byte the copy (cmp), or, when the kill came after the commit,
# hold the new file whole. The last line is "workspace-kill: N passed, N failed, N skipped".
set -u
build=${1:?usage: kill_import.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
mvec=$(cd "$build" && pwd)/mvec
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
export MVEC_WORKSPACE="$scratch/unused.sqlite"
passed=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL workspace-kill: $*"; }

rows=500000
# a sanitizer build is several times slower: fewer rows there
nm "$mvec" 2>/dev/null | grep -q __asan_init && rows=100000
awk -v N=$rows -f "$root/tests/workspace/gen_obs.awk" >big.csv
cp "$root/tests/data/uzb_trade.csv" small.csv
"$mvec" import obs small.csv --workspace w.sqlite >/dev/null || fail "first import"
cp w.sqlite before.sqlite

# How long a whole import takes here (milliseconds), to place the early kills.
start=$(date +%s%N)
"$mvec" import obs big.csv --workspace full.sqlite >/dev/null || fail "full import"
end=$(date +%s%N)
duration=$(( (end - start) / 1000000 ))
[ "$duration" -gt 0 ] || duration=1000

old=0
new=0
hot=0
# "10" and "50": that share of the import's time (reading, writing rows); "journal": as soon
# as the journal appears (the commit begins); "commit": as soon as the database file grows
# (the commit is writing its pages).
size_before=$(wc -c <before.sqlite)
for when in 10 50 journal commit commit commit; do
    cp before.sqlite w.sqlite
    rm -f w.sqlite-journal
    "$mvec" import obs big.csv --workspace w.sqlite >/dev/null 2>&1 &
    pid=$!
    if [ "$when" = journal ]; then
        while [ ! -e w.sqlite-journal ] && kill -0 "$pid" 2>/dev/null; do :; done
    elif [ "$when" = commit ]; then
        while [ "$(wc -c <w.sqlite)" -eq "$size_before" ] && kill -0 "$pid" 2>/dev/null; do :; done
    else
        delay=$((duration * when / 100))
        sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    fi
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ -s w.sqlite-journal ] && ! cmp -s w.sqlite before.sqlite && hot=$((hot + 1))
    # Any command that opens the workspace recovers it.
    if ! "$mvec" workspace --workspace w.sqlite --format csv >list.csv 2>err.txt; then
        fail "after a kill at $when: the workspace does not open: $(cat err.txt)"
        continue
    fi
    if cmp -s w.sqlite before.sqlite; then
        old=$((old + 1))
        passed=$((passed + 1))
    elif grep -q "/big.csv,obs,.*,$rows," list.csv &&
        "$mvec" sources --workspace w.sqlite --no-embedded --format csv 2>/dev/null |
            awk -v n=$((rows + 6)) 'END { exit !(NR == n) }'; then
        new=$((new + 1))
        passed=$((passed + 1))
    else
        fail "after a kill at $when: neither the old workspace nor the new one"
        cmp w.sqlite before.sqlite | head -1
    fi
done
# A kill during the commit must have been seen at least once with the database file already
# changed and the journal hot (else the test proved nothing about the playback).
[ "$hot" -gt 0 ] || echo "workspace-kill: note: no kill landed while the database file was being written"
echo "workspace-kill: import takes ${duration} ms; $old kills left the old file (cmp)," \
     "$new came after the commit; $hot found the database file changed and the journal hot"
[ "$old" -gt 0 ] || fail "no kill landed before the commit"
echo "workspace-kill: $passed passed, $failed failed, 0 skipped"
[ $failed -eq 0 ]
