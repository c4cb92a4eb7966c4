# --notes adds, under the table, each vector's inputs, every bloc share and every index of the
# index table (Theil included), the data not used, and the numbered sources.
"$MVEC" profile --notes
