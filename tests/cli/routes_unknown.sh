# Unknown capacity: the hub route is unlimited at its high end, so the max-flow is
# [2, unbounded]; CSV and JSON say 'unbounded' too
"$MVEC" routes --network network_unknown.csv
"$MVEC" routes --network network_unknown.csv --format csv
