#!/bin/sh
# run_tests.sh BUILD_DIR... - every test (unit tests, examples, CLI golden
# tests, the README's commands; the 120-column check on the first build) against
# each build; ends with the line "N passed, N failed" (and "N skipped" before it
# when some were).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
# LeakSanitizer (ASan build): fontconfig and libltdl keep caches for the process when PLplot
# draws a chart; tools/lsan.supp names those libraries only.
LSAN_OPTIONS="suppressions=$root/tools/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
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
# A script that ends with "NAME: N passed, N failed, N skipped": its counts are added.
suite() { # script, name, build
    out=$("$1" "$3" 2>&1)
    summary=$(printf '%s\n' "$out" | tail -1)
    printf '%s\n' "$out" | grep -v "^$2: [0-9]" | head -200
    pattern="^$2: \\([0-9]*\\) passed, \\([0-9]*\\) failed, \\([0-9]*\\) skipped$"
    p=$(echo "$summary" | sed -n "s/$pattern/\\1/p")
    f=$(echo "$summary" | sed -n "s/$pattern/\\2/p")
    s=$(echo "$summary" | sed -n "s/$pattern/\\3/p")
    if [ -z "$p" ]; then
        failed=$((failed + 1))
        echo "FAIL $2 tests did not run: $summary"
    else
        echo "$summary"
        passed=$((passed + p))
        failed=$((failed + f))
        skipped=$((skipped + s))
    fi
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
    suite "$root/tools/run_cli_tests.sh" cli "$build"
    # every line of text output within 120 columns: the same commands on any build, so once
    [ "$build" = "$1" ] && suite "$root/tools/check_line_width.sh" width "$build"
    suite "$root/tools/run_readme_tests.sh" readme "$build"
    suite "$root/tests/workspace/kill_import.sh" workspace-kill "$build"
    suite "$root/tests/serve/run.sh" serve "$build"
done
# The fuzz harnesses (make fuzz-build) replay their seeds and fuzz/regressions once.
if [ -d "$root/build/fuzz" ]; then
    echo "== build/fuzz"
    suite "$root/tools/run_fuzz_regressions.sh" fuzz "$root/build/fuzz"
fi
echo "$skipped skipped"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
