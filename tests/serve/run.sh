#!/bin/sh
# run.sh BUILD_DIR - the dashboard's tests (mvec serve): the API (test_api.py, with a load of
# 1,000 requests at concurrency 64 by bench/loadgen.c) and the pages in headless Chromium
# (test_browser.py; screenshots kept in BUILD_DIR/tests/serve-output). Ends with
# "serve: N passed, N failed, N skipped" (tools/run_tests.sh adds the counts).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
out="$build/tests/serve-output"
mkdir -p "$out"
# no workspace: the server and the CLI it is compared with read the same data
MVEC_WORKSPACE="$out/no-workspace.sqlite"
export MVEC_WORKSPACE
rm -f "$MVEC_WORKSPACE"
# ASan builds: PLplot's font and driver loading keeps caches for the process (tools/lsan.supp)
LSAN_OPTIONS="suppressions=$root/tools/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
passed=0 failed=0 skipped=0
count() { # name, exit code
    case $2 in
    0) passed=$((passed + 1)) ;;
    77) skipped=$((skipped + 1)); echo "skip $1" ;;
    *) failed=$((failed + 1)); echo "FAIL $1 (exit $2)" ;;
    esac
}
loadgen="$build/tests/loadgen"
${CC:-cc} -std=c11 -O2 -Wall -Wextra -Werror -o "$loadgen" "$root/bench/loadgen.c" -lpthread
count "serve loadgen build" $?
python3 "$root/tests/serve/test_api.py" "$build/mvec" "$loadgen"
count "serve test_api.py" $?
python3 "$root/tests/serve/test_browser.py" "$build/mvec" "$out"
count "serve test_browser.py" $?
echo "serve: $passed passed, $failed failed, $skipped skipped"
