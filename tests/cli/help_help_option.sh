"$MVEC" help --help
