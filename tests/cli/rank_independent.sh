# mvec rank --by hhi on the whole ITPD-E file (every country, 2016) against an independent
# recomputation in exact fractions from the raw rows (tests/independent/rank_itpd.py, not
# libmvec): every country's HHI, balance, exposure, margin, top partner, its share and total to
# 1e-12, and the order. Skipped without the shared data.
root="$FIXTURES/../.."
file="$SHARED/itpd-e-bilateral-2000-2016/itpd_e_r01_total_trade_2000_2016.csv"
[ -r "$file" ] || exit 77
"$MVEC" rank --no-embedded --data "$file" --year 2016 --by hhi --format csv --exact -q \
    > rank.csv || exit 1
python3 "$root/tests/independent/rank_itpd.py" "$file" rank.csv 2016 \
    "$root/data/blocs/powers.csv" "$root/data/memberships.csv" || exit 1
"$MVEC" rank --no-embedded --data "$file" --year 2016 -q | sed -n '1,8p'
