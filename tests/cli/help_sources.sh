"$MVEC" sources -h
