# mvec rank on a tiny BACI file (every country's trade.total of 2021 from one pass over the rows),
# then by HHI as CSV (hand-computed values: tests/unit/test_rank.c)
"$MVEC" rank --no-embedded --data "$FIXTURES/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv"
"$MVEC" rank --no-embedded --data "$FIXTURES/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv" \
    --by hhi --format csv
