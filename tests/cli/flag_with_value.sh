"$MVEC" profile --no-embedded=yes
