# mvec sources --format csv writes the long format: reading it back gives the same profile
"$MVEC" sources --format csv > all.csv || exit 1
"$MVEC" profile --format csv > direct.csv || exit 1
"$MVEC" profile --no-embedded --data all.csv --format csv > round_trip.csv || exit 1
cmp direct.csv round_trip.csv && echo "same profile"
wc -l < all.csv
