# mvec rank on a tiny WTO file (importer-declared): the default vector is the reporters' own
# imports; the exports (mirror) by exposure; trade.total is refused (exit 2)
"$MVEC" rank --no-embedded --data "$FIXTURES/flowprofile/wto_tiny.csv"
"$MVEC" rank --no-embedded --data "$FIXTURES/flowprofile/wto_tiny.csv" --vector trade.exports \
    --by exposure --format json
"$MVEC" rank --no-embedded --data "$FIXTURES/flowprofile/wto_tiny.csv" --vector trade.total
