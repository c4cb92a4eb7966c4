#!/bin/sh
# run_cli_tests.sh [--update] BUILD_DIR - golden tests of the mvec command.
#
# Each tests/cli/NAME.sh runs in a scratch directory holding a copy of the
# fixtures (tests/data/*.csv, so messages show short paths), with $MVEC (the binary),
# $FIXTURES (tests/data), $EXAMPLES (examples/data: the README's files, among them a
# slice of the Bureau's table) and $SHARED (the shared datasets: absent from a fresh clone, where a
# test that needs them exits 77 and is skipped; present in CI, where nothing may skip).
# Its standard output, standard error and exit code must equal NAME.out,
# NAME.err and NAME.code. A script that exits 77 is skipped.
# CLI_ONLY=GLOB runs only the tests whose names match (e.g. CLI_ONLY='chart_*').
# --update rewrites the expectations from the current output (review the diff).
# The last line printed is "cli: N passed, N failed, N skipped".
set -u
update=0
if [ "${1:-}" = "--update" ]; then
    update=1
    shift
fi
build=${1:?usage: run_cli_tests.sh [--update] BUILD_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
# LeakSanitizer (ASan build): fontconfig and libltdl keep caches for the process when PLplot
# draws a chart; tools/lsan.supp names those libraries only.
LSAN_OPTIONS="suppressions=$root/tools/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
MVEC=$(cd "$build" && pwd)/mvec
FIXTURES=$root/tests/data
EXAMPLES=$root/examples/data
SHARED=${MVEC_DATA_DIR:-$root/../shared/data}
export MVEC FIXTURES EXAMPLES SHARED LC_ALL=C
passed=0
failed=0
skipped=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Never a user's real workspace: each test's default workspace is in its scratch directory.
unset XDG_DATA_HOME
for script in "$root"/tests/cli/${CLI_ONLY:-*}.sh; do
    name=$(basename "$script" .sh)
    expected="$root/tests/cli/$name"
    work="$scratch/$name"
    mkdir -p "$work"
    cp "$FIXTURES"/*.csv "$work"/
    (cd "$work" && MVEC_WORKSPACE="$work/workspace.sqlite" sh "$script" >"$scratch/$name.out" 2>"$scratch/$name.err")
    code=$?
    if [ $code -eq 77 ]; then
        skipped=$((skipped + 1))
        continue
    fi
    echo "$code" >"$scratch/$name.code"
    if [ $update -eq 1 ]; then
        cp "$scratch/$name.out" "$expected.out"
        cp "$scratch/$name.err" "$expected.err"
        cp "$scratch/$name.code" "$expected.code"
        passed=$((passed + 1))
        continue
    fi
    ok=1
    for part in out err code; do
        if ! cmp -s "$scratch/$name.$part" "$expected.$part"; then
            ok=0
            echo "FAIL cli/$name ($part differs):"
            diff -u "$expected.$part" "$scratch/$name.$part" | head -40
        fi
    done
    if [ $ok -eq 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "cli: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
