"$MVEC" check --help
