# Three routes to Europe; closing Russian transit reroutes 4 mt/yr: the cheapest plan fills
# the southern route (3 at 20 + 10 USD/t) then Iran (1 at 40 + 20): 150 (hand-checked in
# tests/unit/test_network.c)
"$MVEC" routes KAZ --network network_costs.csv --without-transit RUS
