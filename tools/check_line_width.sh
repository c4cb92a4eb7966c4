#!/bin/sh
# check_line_width.sh BUILD_DIR [NAME...] - everything mvec prints as text fits a terminal of 120 columns.
#
# Runs every golden CLI test (tests/cli/*.sh, as tools/run_cli_tests.sh does) with $MVEC
# pointing at a wrapper around BUILD_DIR/mvec. The wrapper lets a command that asks for a
# machine format (--format csv, json or xlsx) or draws a chart (mvec chart: an image, SVG on
# standard output without -o) or serves the dashboard (mvec serve) through untouched; for every other command, the
# table/text format, it checks each line of standard output and standard error: no line
# may be wider than 120 columns, counted in code points (UTF-8 aware; a tab advances to the
# next multiple of 8). One exception: a URL or path (a word with a slash), which cannot be cut,
# may carry its line past 120 when the rest of the line fits. Each offender is listed with the
# command that printed it.
# The goldens themselves are compared by run_cli_tests.sh, not here.
# The last line printed is "width: N passed, N failed, N skipped" (one count per test script).
set -u
build=${1:?usage: check_line_width.sh BUILD_DIR [NAME...]}
shift
# NAME...: only those tests (tests/cli/NAME.sh), e.g. while fixing one command
root=$(cd "$(dirname "$0")/.." && pwd)
real=$(cd "$build" && pwd)/mvec
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
log="$scratch/wide.log"
: >"$log"
cat >"$scratch/mvec" <<EOF
#!/bin/sh
# wrapper written by tools/check_line_width.sh
# an image, or the server (it runs until a signal, which must reach mvec itself)
case \${1:-} in chart | serve) exec "$real" "\$@" ;; esac
prev=
for arg in "\$@"; do
    case \$prev\$arg in
    --formatcsv | --formatjson | --formatxlsx | --format=csv | --format=json | --format=xlsx)
        exec "$real" "\$@" ;;
    esac
    prev=
    [ "\$arg" = --format ] && prev=--format
done
tmp=\$(mktemp -d)
"$real" "\$@" >"\$tmp/out" 2>"\$tmp/err"
code=\$?
LC_ALL=C awk -v command="mvec \$*" '
    {
        width = 0
        n = length(\$0)
        for (i = 1; i <= n; i++) {
            c = substr(\$0, i, 1)
            if (c == "\t") width = width + 8 - width % 8
            else if (c < "\200" || c > "\277") width++ # not a UTF-8 continuation byte
        }
        # a URL or path that cannot be cut (one word with a slash) may carry its line past 120
        # when the rest of the line fits: terminals wrap it and it stays whole for copying
        long = 0
        words = split(\$0, word, " ")
        for (w = 1; w <= words; w++)
            if (word[w] ~ /\// && length(word[w]) > long)
                long = length(word[w])
        if (width > 120 && width - long > 120)
            printf "%s line %d: %d columns: %s\n  printed by: %s\n", (FILENAME ~ /err\$/ ? "stderr" : "stdout"), FNR, width, substr(\$0, 1, 100), command
    }
' "\$tmp/out" "\$tmp/err" >>"$log"
cat "\$tmp/out"
cat "\$tmp/err" >&2
rm -rf "\$tmp"
exit \$code
EOF
chmod +x "$scratch/mvec"
MVEC=$scratch/mvec
FIXTURES=$root/tests/data
EXAMPLES=$root/examples/data
SHARED=${MVEC_DATA_DIR:-$root/../shared/data}
export MVEC FIXTURES EXAMPLES SHARED LC_ALL=C
unset XDG_DATA_HOME
passed=0
failed=0
skipped=0
scripts=
for name in "$@"; do scripts="$scripts $root/tests/cli/$name.sh"; done
for script in ${scripts:-"$root"/tests/cli/*.sh}; do
    name=$(basename "$script" .sh)
    work="$scratch/$name"
    mkdir -p "$work"
    cp "$FIXTURES"/*.csv "$work"/
    before=$(wc -l <"$log")
    (cd "$work" && MVEC_WORKSPACE="$work/workspace.sqlite" sh "$script" >/dev/null 2>&1)
    code=$?
    rm -rf "$work"
    if [ "$(wc -l <"$log")" -ne "$before" ]; then
        failed=$((failed + 1))
        echo "FAIL width cli/$name: lines wider than 120 columns"
        tail -n +$((before + 1)) "$log" | head -20
    elif [ $code -eq 77 ]; then
        skipped=$((skipped + 1))
    else
        passed=$((passed + 1))
    fi
done
echo "width: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
