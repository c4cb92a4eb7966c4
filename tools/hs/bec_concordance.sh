#!/bin/sh
# tools/hs/bec_concordance.sh - regenerate data/hs/bec_<EDITION>.csv, the HS6 -> BEC Rev.4
# concordance of one HS edition with each BEC heading's stage of processing (docs/methods.md,
# "Composition by stage of processing"), from the shared dataset hs-bec-concordance (the UN
# Statistics Division's HS-BEC correlation tables as kept by the R package concordance,
# insongkim/concordance commit 201c812e51f213d967d8701b6ed6398c79df4a04; HS92 is the package's
# own derivation, object hs0_bec4).
#
# usage: tools/hs/bec_concordance.sh EDITION [DATA_DIR] > data/hs/bec_EDITION.csv
#        EDITION: HS92 HS96 HS02 HS07 HS12 HS17 HS22
#
# Output: hs6,bec,stage,source; one row per (HS6 subheading, BEC heading) pair, sorted, without
# duplicates; codes keep leading zeros; HS2007's dotted codes (0101.10) lose the dot; the
# package's padded 3-digit BEC codes (410) become the bare heading (41); the UNSD tables' 32
# (2710, processed fuels) is counted as intermediate; `n/a` (710820, monetary gold) is
# unclassified; empty rows (HS22 has one) are skipped. A row that is not a
# 6-digit code and a known BEC Rev.4 basic heading stops the script (exit 1). Run from the
# repository root.
set -eu
edition=${1:?usage: bec_concordance.sh EDITION [DATA_DIR]}
dir=${2:-${MVEC_DATA_DIR:-../shared/data}}/hs-bec-concordance
case $edition in
HS92) file=HS1992_to_BEC4_concordance_pkg.csv; year=1992 ;;
HS96) file=HS1996_to_BEC4_UNSD.csv; year=1996 ;;
HS02) file=HS2002_to_BEC4_UNSD.csv; year=2002 ;;
HS07) file=HS2007_to_BEC4_UNSD.csv; year=2007 ;;
HS12) file=HS2012_to_BEC4_UNSD.csv; year=2012 ;;
HS17) file=HS2017_to_BEC4_UNSD.csv; year=2017 ;;
HS22) file=HS2022_to_BEC4_UNSD.csv; year=2022 ;;
*) echo "bec_concordance.sh: unknown edition '$edition'" >&2; exit 2 ;;
esac
[ -r "$dir/$file" ] || { echo "bec_concordance.sh: cannot read $dir/$file" >&2; exit 1; }
if [ "$edition" = HS92 ]; then
    source="UN Statistics Division HS-BEC Rev.4 tables, HS 1992 as derived by the R package concordance"
else
    source="UN Statistics Division HS $year to BEC Rev.4 correlation table"
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
echo "hs6,bec,stage,source"
LC_ALL=C awk -F, -v edition="$edition" -v source="$source" '
function stage(b) {
    if (b == "111" || b == "21" || b == "31") return "raw"
    if (b == "121" || b == "22" || b == "322" || b == "42" || b == "53") return "intermediate"
    # 32 (processed fuels, 2710 in the UNSD tables: not split between 321 motor spirit and
    # 322 other) is counted as intermediate, as most of it is (docs/methods.md)
    if (b == "32") return "intermediate"
    if (b == "41" || b == "521") return "capital"
    if (b == "112" || b == "122" || b == "522" || b == "61" || b == "62" || b == "63") return "consumer"
    if (b == "321" || b == "51" || b == "7" || b == "n/a") return "unclassified"
    return ""
}
NR == 1 { next }
{
    gsub(/"/, "")
    if ($0 ~ /^,*$/) next
    if (edition == "HS92") { hs = $1; bec = $4 } else { hs = $1; bec = $2 }
    gsub(/\./, "", hs)
    if (edition == "HS92" && bec ~ /^[0-9][0-9]0$/) sub(/0$/, "", bec)
    if (edition == "HS92" && bec ~ /^[0-9]0$/) sub(/0$/, "", bec)
    s = stage(bec)
    if (hs !~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/ || s == "") {
        printf "bec_concordance.sh: %s:%d: unexpected row: %s\n", FILENAME, NR, $0 > "/dev/stderr"
        bad = 1
        exit 1
    }
    printf "%s,%s,%s,%s\n", hs, bec, s, source
}
END { if (bad) exit 1 }' "$dir/$file" > "$tmp"
LC_ALL=C sort -u "$tmp"
