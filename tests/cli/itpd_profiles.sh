# Any country from ITPD-E (goods and services, constant 2010 USD): Uzbekistan, Mongolia, Serbia
# and Vietnam get bloc shares, balance, leader and HHI as Kazakhstan does. The fixture holds
# every 2016 row with one of them as exporter or importer, so each profile is the same as from
# the full file; with the shared datasets, the full 2000-2016 file must give the same rows for
# 2016 (a difference is printed and fails the test).
code=0
full="$SHARED/itpd-e-bilateral-2000-2016/itpd_e_r01_total_trade_2000_2016.csv"
for country in UZB MNG SRB VNM; do
    "$MVEC" profile "$country" --no-embedded --data itpd_2016_uzb_mng_srb_vnm.csv > slice.out ||
        code=$?
    cat slice.out
    if [ -r "$full" ]; then
        "$MVEC" profile "$country" --year 2016 --no-embedded --data "$full" > full.out ||
            echo "full file: exit $?"
        grep -E '^(trade|composite)' slice.out > slice.rows
        grep -E '^(trade|composite)' full.out > full.rows
        cmp -s slice.rows full.rows ||
            { echo "the full file gives other rows:"; diff slice.rows full.rows; }
    fi
done
exit $code
