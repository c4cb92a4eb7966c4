# Excel output of trend (a series, a break test, a decomposition) and rank: each workbook read
# back independently and compared cell by cell with the command's CSV
# (tests/independent/xlsx_cells.sh: one line per command, NAME|SHEET|COMMAND).
root="$FIXTURES/../.."
flows="$FIXTURES/flowprofile"
sh "$root/tests/independent/xlsx_cells.sh" <<EOF
trend|Series|trend --vector trade.exports --partner CHN
trend_break|Series|trend KAZ --vector trade.total --partner CHN --break 2013 --no-embedded --data "$FIXTURES/itpd/itpd_kaz_2000_2016.csv"
trend_explain|Explanation|trend --vector trade.total --bloc WEST --explain 2021 2023 --data "$EXAMPLES/kaz_trade_by_partner_2021_2023.csv"
rank|Rank|rank --no-embedded --data "$FIXTURES/itpd_2016_uzb_mng_srb_vnm.csv" --by exposure --blocs treaties
rank_hhi|Rank|rank --no-embedded --data "$flows/wto_tiny.csv" --vector trade.imports --by hhi
EOF
