"$MVEC" profile --format xml
