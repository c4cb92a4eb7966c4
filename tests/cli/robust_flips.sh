# a hand-made country (invented figures) whose conclusions flip: Türkiye, 60 % of its trade,
# is its own bloc under powers and the West (NATO) under treaties
"$MVEC" profile MNG --no-embedded --data robust_mng.csv --blocs powers,treaties
"$MVEC" check MNG --no-embedded --data robust_mng.csv --blocs powers,treaties
"$MVEC" shares MNG --no-embedded --data robust_mng.csv --blocs powers,treaties --format json
