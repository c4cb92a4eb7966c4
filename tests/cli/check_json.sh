"$MVEC" check --format json
