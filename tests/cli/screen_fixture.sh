# mvec screen on a hand-made WTO-layout file (tests/data/screen_wto.csv, importer-declared,
# whole dollars), KAZ (398) 2017-2019; expected by hand:
#  01: imports CHN 90 + RUS 10: HHI 0.82; world exports CHN 990, USA 100, KAZ 5, RUS 10:
#      HHI 990225/1221025 = 0.8110; KAZ's own exports 5 < 100: met in all three years
#  02: suppliers 60,10,10,10,10: HHI exactly 0.4 (5 x 4000 = 2 x 100^2): not above, never met
#  03: suppliers 61,10,10,10,10: 5 x 4121 = 20605 > 20402: HHI 0.4040; in 2018 KAZ's exports
#      (200) exceed its imports (101): met in 2017 and 2019 only, listed
#  04: imported in 2019 only: met once, not listed
#  05: from RUS in 2017 and 2018, none in 2019: listed with its 2018 figures, bloc RUS-EAEU
#  06: one supplier, but world exports spread over four exporters (HHI 0.25): never met
#  the World row (partner 000) and DEU's imports from itself are left out
"$MVEC" screen KAZ --data screen_wto.csv
echo "exit $?"
"$MVEC" screen Kazakhstan --data screen_wto.csv --format csv
echo "exit $?"
# the window 2016-2018: 2016 has no data (meets nothing); 01 and 05 meet in 2017 and 2018
"$MVEC" screen 398 --year 2018 --data screen_wto.csv --format csv
echo "exit $?"
# from the cache alone (no --data: every file `mvec flows import` cached)
"$MVEC" flows import screen_wto.csv > /dev/null
"$MVEC" screen KAZ --format csv | head -2
