"$MVEC" --version
