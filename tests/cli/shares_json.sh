"$MVEC" shares --format json
