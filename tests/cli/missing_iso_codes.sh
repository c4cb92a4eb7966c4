"$MVEC" profile --iso-codes /nonexistent
