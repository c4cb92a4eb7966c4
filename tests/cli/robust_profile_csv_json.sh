# the same comparison as CSV (a row per vector and scheme) and JSON
"$MVEC" profile --blocs powers,treaties --format csv
"$MVEC" profile --blocs treaties,powers --format json --year 2022
