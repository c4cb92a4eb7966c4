"$MVEC" profile --weights water.rivers=1
