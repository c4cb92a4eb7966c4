# Usage errors (exit 2): an unknown link in --close (did you mean), a transit country no link
# crosses, an unknown commodity, a country that is not the network's; a malformed network
# (exit 3, file:line:column); a country without a built-in network (exit 1)
"$MVEC" routes --network network_diamond.csv --close a-ue; echo "exit $?"
"$MVEC" routes --network network_diamond.csv --close zzz; echo "exit $?"
"$MVEC" routes --network network_diamond.csv --without-transit IRN; echo "exit $?"
"$MVEC" routes --network network_diamond.csv --commodity gaz; echo "exit $?"
"$MVEC" routes UZB --network network_diamond.csv; echo "exit $?"
"$MVEC" routes --network network_bad_unit.csv; echo "exit $?"
"$MVEC" routes --network no-such.csv; echo "exit $?"
"$MVEC" routes ZWE; echo "exit $?"
