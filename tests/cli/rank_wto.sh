# mvec rank on a tiny WTO file (importer-declared): the default vector is the reporters' own
# imports; the exports (mirror) by exposure; trade.total is refused (exit 2). The file is
# copied here so that messages name it the same wherever the repository is.
cp "$FIXTURES/flowprofile/wto_tiny.csv" .
"$MVEC" rank --no-embedded --data wto_tiny.csv
"$MVEC" rank --no-embedded --data wto_tiny.csv --vector trade.exports \
    --by exposure --format json
"$MVEC" rank --no-embedded --data wto_tiny.csv --vector trade.total
