# a built-in scheme beside a user's file (three schemes)
"$MVEC" profile --blocs powers,treaties,scheme_two.csv
