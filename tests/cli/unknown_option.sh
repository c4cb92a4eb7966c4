"$MVEC" profile --colour
