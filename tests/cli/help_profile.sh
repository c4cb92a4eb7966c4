"$MVEC" profile --help
