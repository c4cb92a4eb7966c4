#!/bin/sh
# run_tests.sh BUILD_DIR... - every test (unit tests, examples, CLI golden
# tests) against each build; ends with the line "N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
skipped=0
count() { # name, exit code, output
    case $2 in
    0) passed=$((passed + 1)) ;;
    77) skipped=$((skipped + 1)); echo "skip $1" ;;
    *) failed=$((failed + 1)); echo "FAIL $1 (exit $2)"; printf '%s\n' "$3" | tail -20 ;;
    esac
}
for build in "$@"; do
    echo "== $build"
    for test in "$build"/tests/test_*; do
        [ -x "$test" ] || continue
        output=$(cd "$root" && "$test" 2>&1)
        count "$build/$(basename "$test")" $? "$output"
    done
    # The thread test again under Helgrind (valgrind), which also sees races inside GSL and
    # GLPK; not on sanitizer builds, which valgrind cannot run.
    threads="$build/tests/test_threads"
    if [ -x "$threads" ] && command -v valgrind >/dev/null && ! nm "$threads" | grep -q __asan_init
    then
        output=$(cd "$root" && valgrind --tool=helgrind --error-exitcode=9 -q "$threads" 2>&1)
        count "helgrind $threads" $? "$output"
    fi
    for example in "$build"/examples/*; do
        [ -x "$example" ] || continue
        output=$(cd "$root" && "$example" 2>&1)
        count "$build/examples/$(basename "$example")" $? "$output"
    done
    cli=$("$root/tools/run_cli_tests.sh" "$build" 2>&1)
    summary=$(printf '%s\n' "$cli" | tail -1)
    printf '%s\n' "$cli" | grep -v '^cli: ' | head -200
    p=$(echo "$summary" | sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1/p')
    f=$(echo "$summary" | sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\2/p')
    s=$(echo "$summary" | sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\3/p')
    if [ -z "$p" ]; then
        failed=$((failed + 1))
        echo "FAIL cli tests did not run: $summary"
    else
        echo "$summary"
        passed=$((passed + p))
        failed=$((failed + f))
        skipped=$((skipped + s))
    fi
done
[ $skipped -gt 0 ] && echo "$skipped skipped (shared datasets not found; set MVEC_DATA_DIR)"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
