# Hostile and runaway scripts end with exit 3 and a clear message, each within a second. Which
# cap stops one first (memory, instructions, time, stack) depends on the machine's speed and
# load, so the message's cap is masked here; tests/unit/test_sandbox.c checks each cap.
# The whole command, start-up included, within 1 s (3 s in the ASan+UBSan build, which runs about
# three times slower).
limit=1000
case "$MVEC" in */asan/*) limit=3000 ;; esac
run() {
    printf '%s\n' "$2" > "$1.lua"
    start=$(date +%s%N)
    "$MVEC" simulate "$1.lua" 2> err.txt
    code=$?
    sed -E 's/stopped(:| after) .*$/stopped by a cap/' \
        err.txt >&2
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ "$ms" -lt "$limit" ]; then fast="within the time limit"; else fast="OVER ($ms ms)"; fi
    echo "$1: exit $code, $fast"
}
run loop 'while true do end'
run pcall_loop 'while true do pcall(function() while true do end end) end'
run memory 't = {} for i = 1, 1e9 do t[i] = i end'
run rep 'local s = string.rep("x", 2^31)'
run doubling 'local s = "x" while true do s = s .. s end'
run recursion 'local function f() return 1 + f() end f()'
run io 'io.open("/etc/passwd")'
run os 'os.exit(0)'
run require 'require "os"'
run bytecode 'load("\27Lua")()'
run rule_loop 'scenario { name = "x", rule { when = function(s) while true do end end, embargo { by = "RUS" } } }'
