# The diamond (max-flow min(3,2) + min(2,3) = 4) with a-eu closed, as JSON, figures of 2023;
# and --year 2022 (only a-eu's 2021 row is in force) to an output file
"$MVEC" routes --network network_diamond.csv --close a-eu --format json
"$MVEC" routes --network network_diamond.csv --year 2022 --format csv -o out.csv && cat out.csv
