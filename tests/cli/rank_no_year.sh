# a year without data: exit 1 and the years that have data
"$MVEC" rank --no-embedded --data "$FIXTURES/itpd_2016_uzb_mng_srb_vnm.csv" --year 2010
