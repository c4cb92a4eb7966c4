"$MVEC" shares --year 2030
