# flows_sum.awk - an independent exact sum of a flow file's values, in the source's smallest
# unit, for tests/unit/test_flows.c (not libmvec checking itself). Prints "SUM ROWS".
#
#   awk -F, -v vcol=5 -v decimals=3 [-v year=2021 [-v ycol=1]] [-v code=398 -v ccol=2] \
#       [-v notcol=3 -v not=000] FILE
#
# vcol <= 0 counts from the end: 0 the last field, -1 the one before (quoted descriptions
# holding commas come before v,q in BACI extracts and before value_usd in the WTO slices). The value is split at its '.' and rebuilt as an integer of 10^-decimals
# units from its digits, so no decimal fraction ever reaches a double; partial sums stay below
# 2^53 and are exact.
NR == 1 { next }
{ sub(/\r$/, "") }
(year == "" || $(ycol ? ycol : 1) == year) && (code == "" || $ccol == code) && (not == "" || $notcol != not) {
    v = vcol > 0 ? $vcol : $(NF + vcol)
    negative = substr(v, 1, 1) == "-"
    if (negative) v = substr(v, 2)
    n = split(v, parts, ".")
    fraction = n > 1 ? parts[2] : ""
    while (length(fraction) < decimals) fraction = fraction "0"
    units = parts[1] * 10 ^ decimals + (decimals ? substr(fraction, 1, decimals) + 0 : 0)
    sum += negative ? -units : units
    rows++
}
END { printf "%.0f %d\n", sum, rows }
