#!/bin/sh
# bench/bench.sh BUILD - the timings of bench/README.md: `check` against
# `profile` on the Bureau's table, and `profile` under a scheme with four
# great powers. Each command runs RUNS times; the fastest run counts (the
# least disturbed by other work on the machine). Exit 1 when a target is
# missed.
set -u
BUILD=${1:-build/release}
MVEC=$BUILD/mvec
RUNS=${RUNS:-5}
DATA_DIR=${MVEC_DATA_DIR:-../shared/data}
BUREAU=$DATA_DIR/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv
FOUR=tests/data/scheme_four.csv
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT INT TERM
failed=0

. "$(dirname "$0")/best_time.sh"

verdict() { # verdict OK-CONDITION-AS-AWK-EXPRESSION
    if awk "BEGIN { exit !($1) }"; then echo "ok"; else failed=1; echo "MISSED"; fi
}

echo "mvec bench ($MVEC, fastest of $RUNS runs)"
if [ -f "$BUREAU" ]; then
    profile=$(best_time "$MVEC" profile --data "$BUREAU")
    check=$(best_time "$MVEC" check --data "$BUREAU")
    ratio=$(awk -v a="$check" -v b="$profile" 'BEGIN { printf "%.2f", a / b }')
    printf '  profile --data BUREAU          %8s s\n' "$profile"
    printf '  check --data BUREAU            %8s s\n' "$check"
    printf '  check / profile                %8s   (target <= 3)  %s\n' "$ratio" \
        "$(verdict "$ratio <= 3")"
else
    echo "  Bureau table not found at $BUREAU: check/profile skipped"
fi
four=$(best_time "$MVEC" profile --blocs "$FOUR")
computed=no
if grep -Eq '^composite +-' "$OUT" && ! grep -Eq '^composite +-.* n/a ' "$OUT" &&
    ! grep -q 'not computed' "$OUT"; then
    computed=yes
fi
printf '  profile, 4 great powers        %8s s (target < 1)   %s\n' "$four" \
    "$(verdict "$four < 1")"
printf '  balance and margin computed    %8s                  %s\n' "$computed" \
    "$(verdict "\"$computed\" == \"yes\"")"
exit $failed
