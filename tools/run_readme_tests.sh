#!/bin/sh
# run_readme_tests.sh BUILD_DIR - the README cannot drift: every command in
# README.md's ```sh blocks runs, in order, in a scratch copy of the
# repository (the tracked files, no ../shared beside it) whose build/release
# is a copy of BUILD_DIR, as on a fresh clone after the build. Each command
# must exit 0, print to standard output and nothing to standard error (no
# warning in the tour), or exit N when its comment says "exit N".
#
# One command is not run: `make check` (this test is part of it). `./mvec serve` runs until it
# listens and answers its page, then gets SIGINT and must exit 0.
# `make run` does run: it must leave ./mvec, which the tour then uses.
# The last line printed is "readme: N passed, N failed, N skipped".
set -u
build=${1:?usage: run_readme_tests.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$build" && pwd)
unset MAKEFLAGS MFLAGS MAKELEVEL # a new user's make, not a sub-make of make check
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Never the user's real workspace: HOME is a new, empty directory in the scratch directory, as
# on a newcomer's machine (no ~/.local/share/mvec yet: the commands that write create it).
HOME="$scratch/home"
mkdir -p "$HOME"
export HOME
unset MVEC_WORKSPACE XDG_DATA_HOME
copy="$scratch/mvec"
mkdir -p "$copy/build"
# the repository as cloned: everything but the build, ./mvec and .git (mtimes kept,
# so that make finds the copied build up to date)
(cd "$root" && tar -cf - --exclude=./build --exclude=./mvec --exclude=./.git .) |
    (cd "$copy" && tar -xf -)
cp -Rp "$build" "$copy/build/release"

# The commands: lines of ```sh blocks, "\" continuations joined, blank and
# comment-only lines dropped; one per line.
awk '
    /^```sh[ \t]*$/ { inside = 1; next }
    /^```/ { inside = 0; next }
    !inside { next }
    {
        line = pending $0
        if (line ~ /\\$/) { pending = substr(line, 1, length(line) - 1); next }
        pending = ""
        if (line ~ /^[ \t]*(#|$)/) next
        print line
    }
' "$root/README.md" >"$scratch/commands"

# Run a `mvec serve` command in the background until it prints its address, fetch "/" (200),
# then SIGINT: it must exit 0.
serve_until_ready() {
    (cd "$copy" && exec sh -c "exec $1") >"$scratch/out" 2>"$scratch/err" </dev/null &
    pid=$!
    url=
    for _ in $(seq 1 300); do
        url=$(sed -n 's/^mvec serve: \(http[^ ]*\)$/\1/p' "$scratch/err")
        [ -n "$url" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    ok=1
    [ -n "$url" ] && python3 -c 'import sys, urllib.request
sys.exit(urllib.request.urlopen(sys.argv[1], timeout=30).status != 200)' "$url" && ok=0
    kill -INT "$pid" 2>/dev/null
    wait "$pid" || ok=1
    return $ok
}

passed=0
failed=0
n=0
while IFS= read -r command; do
    n=$((n + 1))
    case $command in
    "make check"*) echo "readme: not run (this test is part of it): make check"; continue ;;
    esac
    case $command in
    "./mvec serve"*)
        # the dashboard runs until stopped: it must listen, answer its page, and stop on SIGINT
        if serve_until_ready "$command"; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "FAIL readme command $n (the server did not listen, answer and stop): $command"
            tail -10 "$scratch/err"
        fi
        continue ;;
    esac
    expected=$(printf '%s\n' "$command" | sed -n 's/.*#.*exit \([0-9][0-9]*\).*/\1/p')
    expected=${expected:-0}
    (cd "$copy" && sh -c "$command") >"$scratch/out" 2>"$scratch/err" </dev/null
    code=$?
    if [ "$code" -eq "$expected" ] &&
        { [ "$code" -ne 0 ] || { [ -s "$scratch/out" ] && [ ! -s "$scratch/err" ]; }; }; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL readme command $n (exit $code, expected $expected; exit 0: output, no errors): $command"
        tail -5 "$scratch/out"
        tail -10 "$scratch/err"
    fi
done <"$scratch/commands"
if [ $((passed + failed)) -lt 5 ]; then
    failed=$((failed + 1))
    echo "FAIL readme: only $((passed + failed - 1)) commands found in README.md"
fi
echo "readme: $passed passed, $failed failed, 0 skipped"
[ $failed -eq 0 ]
