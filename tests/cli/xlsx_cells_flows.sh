# Excel output of trend, rank, coverage, asymmetry, screen, composition and the workspace listing: each command's workbook read back
# independently and compared cell by cell with its CSV (tests/independent/xlsx_cells.sh:
# one line per command, NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
MVEC_WORKSPACE="$PWD/ws.sqlite" "$MVEC" import obs "$EXAMPLES/uzbekistan.csv" >/dev/null
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
asymmetry|Asymmetry|profile KAZ --no-embedded --data "$flows/wto_tiny.csv" --asymmetry
trend|Series|trend --vector trade.exports --partner CHN
trend_break|Series|trend KAZ --vector trade.total --partner CHN --break 2013 --no-embedded --data "$FIXTURES/itpd/itpd_kaz_2000_2016.csv"
trend_explain|Explanation|trend --vector trade.total --bloc WEST --explain 2021 2023 --data "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv"
rank|Rank|rank --no-embedded --data "$FIXTURES/itpd_2016_uzb_mng_srb_vnm.csv" --by exposure --blocs treaties
rank_hhi|Rank|rank --no-embedded --data "$flows/wto_tiny.csv" --vector trade.imports --by hhi
coverage|Coverage|coverage KAZ --data "$flows/BACI_HS92_Y2021_V202401_tiny.csv" --tolerance 5
screen|Products|screen KAZ --year 2019 --data "$FIXTURES/screen_wto.csv"
composition|Composition|composition KAZ --flow total --data "$FIXTURES/composition_wits.csv"
workspace|Files|workspace --workspace ws.sqlite
EOF
