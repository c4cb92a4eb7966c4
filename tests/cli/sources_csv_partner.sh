"$MVEC" sources --partner China --format csv
