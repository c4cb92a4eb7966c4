#!/bin/sh
# check_deps.sh - the dependency rule of ARCHITECTURE.md, checked by grep:
#  * src/cli and examples include only <mvec/...> headers and their own headers;
#  * only src/lib/net/lp.c includes glpk.h, only src/lib/net/ includes igraph.h, only
#    src/lib/sim/ includes the Lua headers; only src/lib/store/workspace.c includes sqlite3.h;
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
bad=$(grep -ln '#include <glpk.h>' src/lib/*/*.c src/lib/*/*.h | grep -v '^src/lib/net/lp.c$' || true)
if [ -n "$bad" ]; then
    echo "check-deps: glpk.h included outside src/lib/net/lp.c: $bad" >&2
    status=1
fi
bad=$(grep -ln '#include <igraph' src/lib/*/*.c src/lib/*/*.h src/cli/*.c | grep -v '^src/lib/net/' || true)
if [ -n "$bad" ]; then
    echo "check-deps: igraph included outside src/lib/net/: $bad" >&2
    status=1
fi
bad=$(grep -lnE '#include <(lua|lauxlib|lualib)\.h>' src/lib/*/*.c src/lib/*/*.h src/cli/*.c |
      grep -v '^src/lib/sim/' || true)
if [ -n "$bad" ]; then
    echo "check-deps: Lua included outside src/lib/sim/: $bad" >&2
    status=1
fi
bad=$(grep -ln '#include <sqlite3.h>' src/lib/*/*.c src/lib/*/*.h src/cli/*.c 2>/dev/null |
      grep -v '^src/lib/store/workspace.c$' || true)
if [ -n "$bad" ]; then
    echo "check-deps: sqlite3.h included outside src/lib/store/workspace.c: $bad" >&2
    status=1
fi
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
