# The first run reads in a 120x40 terminal: `mvec profile` at most 120 characters wide and 40
# lines long; `mvec check` wraps at 100. Widths count characters (UTF-8 continuation bytes are
# not counted), so the en dashes of ranges count once.
"$MVEC" profile >profile.txt || exit 1
"$MVEC" check >check.txt || exit 1
measure() {
    awk -v limit="$2" -v lines="$3" '
        { w = length($0) - gsub(/[\200-\277]/, "&"); if (w > widest) widest = w }
        END { printf "%s: widest %d (limit %d), %d lines\n", FILENAME, widest, limit, NR
              exit !(widest <= limit && (lines == 0 || NR <= lines)) }' "$1"
}
measure profile.txt 120 40 && measure check.txt 100 0
