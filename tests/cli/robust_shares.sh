# every partner's bloc under each scheme, then the vector's bloc numbers
"$MVEC" shares --blocs powers,treaties
"$MVEC" shares --blocs powers,treaties --format csv
