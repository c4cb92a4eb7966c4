#!/bin/sh
# check_deps.sh - the dependency rule of ARCHITECTURE.md, checked by grep:
#  * src/cli and examples include only <mvec/...> headers and their own headers;
#  * each third-party header only in its place (the RULES table below);
#  * the library never prints or exits;
#  * .ci/run installs every Debian package tools/install-deps.sh requires.
set -u
status=0

bad=$(grep -n '#include "' src/cli/*.c src/cli/*.h examples/*.c 2>/dev/null | grep -v '#include "[a-z_]*\.h"' || true)
if [ -n "$bad" ]; then
    echo "check-deps: the CLI and examples may include only public headers:" >&2
    echo "$bad" >&2
    status=1
fi
bad=$(grep -n 'mvec_internal\|src/lib' src/cli/*.c src/cli/*.h examples/*.c 2>/dev/null || true)
if [ -n "$bad" ]; then
    echo "check-deps: library internals used outside the library:" >&2
    echo "$bad" >&2
    status=1
fi
# Each third-party header and the only place it may appear: one row each.
#   extended regex of the #include | allowed paths (regex) | what
while IFS='|' read -r header allowed what; do
    [ -n "$header" ] || continue
    bad=$(grep -lE "#include <$header" src/lib/*/*.c src/lib/*/*.h src/cli/*.c src/cli/*.h \
          2>/dev/null | grep -vE "^($allowed)" || true)
    if [ -n "$bad" ]; then
        echo "check-deps: $what included outside its place: $bad" >&2
        status=1
    fi
done <<'RULES'
glpk\.h|src/lib/net/lp\.c$|GLPK
igraph|src/lib/net/|igraph
(lua|lauxlib|lualib)\.h|src/lib/sim/|Lua
sqlite3\.h|src/lib/store/workspace\.c$|SQLite
xlsxwriter|src/lib/render/render_xlsx\.c$|libxlsxwriter
plplot|src/lib/chart/|PLplot
microhttpd\.h|src/cli/serve|libmicrohttpd
RULES
bad=$(grep -nE '\b(printf|puts|putchar|exit|abort)\s*\(|\b(stdout|stderr)\b' src/lib/*/*.c | grep -v 'snprintf\|vsnprintf' | grep -vE ':[0-9]+: *(\*|/\*|//)' || true)
if [ -n "$bad" ]; then
    echo "check-deps: the library must not print or exit:" >&2
    echo "$bad" >&2
    status=1
fi
needed=$(sed -n 's/^PACKAGES="\(.*\)"$/\1/p' tools/install-deps.sh)
ci=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' .ci/run | grep 'apt-get install' || true)
for package in $needed; do
    case " $ci " in
    *" $package "*) ;;
    *) echo "check-deps: .ci/run does not install $package (tools/install-deps.sh needs it)" >&2
       status=1 ;;
    esac
done
[ -n "$needed" ] || { echo "check-deps: no PACKAGES line in tools/install-deps.sh" >&2; status=1; }
exit $status
