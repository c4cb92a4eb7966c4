"$MVEC" profile --format json
