"$MVEC" --help
