# an unknown measure is a usage error (exit 2)
"$MVEC" rank --by balanced
