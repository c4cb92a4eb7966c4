"$MVEC" shares --vector water.rivers
