# mvec rank on ITPD-E rows of four countries (observations, not a flow table), by margin under
# the treaties scheme, as JSON and CSV
"$MVEC" rank --no-embedded --data "$FIXTURES/itpd_2016_uzb_mng_srb_vnm.csv" --by margin \
    --blocs treaties --format json
"$MVEC" rank --no-embedded --data "$FIXTURES/itpd_2016_uzb_mng_srb_vnm.csv" --format csv
