"$MVEC" sources
