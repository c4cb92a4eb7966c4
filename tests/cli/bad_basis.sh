"$MVEC" profile --basis official
