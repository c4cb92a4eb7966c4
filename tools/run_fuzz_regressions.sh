#!/bin/sh
# run_fuzz_regressions.sh FUZZ_BUILD - replay each libFuzzer harness over its seeds and the
# inputs that once broke mvec (fuzz/regressions/HARNESS_*), without fuzzing: a crash, a
# sanitizer report or a leak fails. Ends with "fuzz: N passed, N failed, N skipped".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: run_fuzz_regressions.sh FUZZ_BUILD}" && pwd)
# the charts (fuzz_serve_request draws them) leave third-party caches: tools/lsan.supp
LSAN_OPTIONS="suppressions=$root/tools/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
passed=0
failed=0
cd "$root"
for harness in $(awk '!/^#/ && NF { print $1 }' fuzz/targets); do
    binary="$build/fuzz_$harness"
    seeds=$(awk -v t="$harness" '$1 == t { $1 = ""; print }' fuzz/targets)
    for input in $seeds fuzz/regressions/"$harness"_*; do
        [ -f "$input" ] || continue
        if output=$("$binary" -runs=1 "$input" 2>&1); then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "FAIL fuzz_$harness $input"
            printf '%s\n' "$output" | tail -20
        fi
    done
done
echo "fuzz: $passed passed, $failed failed, 0 skipped"
[ $failed -eq 0 ]
