# a country that is not built in (Uzbekistan 2016, ITPD-E, examples/data) under both built-in
# schemes and the README's illustrative scheme file: independent of the embedded data
cp "$EXAMPLES/my_blocs.csv" my_blocs.csv
"$MVEC" profile Uzbekistan --no-embedded --data "$EXAMPLES/uzbekistan.csv" \
    --blocs powers,treaties,my_blocs.csv
"$MVEC" shares Uzbekistan --no-embedded --data "$EXAMPLES/uzbekistan.csv" \
    --blocs powers,treaties --format csv
