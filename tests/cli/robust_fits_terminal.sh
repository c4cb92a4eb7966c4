# --blocs with two built-in schemes and a file: the tables of profile, shares and check at most
# 120 characters wide (UTF-8 continuation bytes not counted, as in profile_fits_terminal)
"$MVEC" profile --blocs powers,treaties,scheme_two.csv >profile.txt || exit 1
"$MVEC" shares --blocs powers,treaties,scheme_two.csv >shares.txt || exit 1
"$MVEC" check --blocs powers,treaties,scheme_two.csv >check.txt || exit 1
measure() {
    awk -v limit=120 '
        { w = length($0) - gsub(/[\200-\277]/, "&"); if (w > widest) widest = w }
        END { printf "%s: widest %s 120\n", FILENAME, widest <= limit ? "<=" : ">"
              exit !(widest <= limit) }' "$1"
}
measure profile.txt && measure shares.txt && measure check.txt
