"$MVEC" profile --blocs superpowers
