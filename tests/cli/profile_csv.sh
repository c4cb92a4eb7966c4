"$MVEC" profile --format csv
