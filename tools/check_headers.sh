#!/bin/sh
# check_headers.sh - promises of the public headers and library messages, checked by grep:
#  * every public function returning mvec_status lists its statuses ("Statuses:") in the
#    comment just above its declaration, or says it cannot fail (rule in mvec_ctx.h);
#  * library messages name no command-line flag (a library has no flags; the CLI adds its own
#    hints): no string literal in src/lib containing "--word".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
status=0

missing=$(cd "$root" && awk '
    FNR == 1 { comment = "" }
    /^\/\*/ { comment = "" }
    /^\/\*/, /\*\/$/ { comment = comment $0 "\n"; next }
    /^MVEC_API mvec_status / {
        if (comment !~ /Statuses[ :(]|Cannot fail/) {
            name = $3; sub(/\(.*/, "", name)
            print FILENAME ": " name
        }
    }
    /^$/ { comment = "" }
'  include/mvec/*.h)
if [ -n "$missing" ]; then
    echo "check-headers: public functions without a \"Statuses:\" list in their comment:" >&2
    echo "$missing" >&2
    status=1
fi

flags=$(cd "$root" && grep -nE '"[^"]*--[a-z][^"]*"' src/lib/*/*.c src/lib/*.h src/lib/*/*.h ||
        true)
if [ -n "$flags" ]; then
    echo "check-headers: library messages must not name command-line flags:" >&2
    echo "$flags" >&2
    status=1
fi
exit $status
