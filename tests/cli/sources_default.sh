# every figure with its source: the first 200 lines of the listing (its format) and the count
# of figures (the official series built in add thousands of rows; the golden stays readable)
"$MVEC" sources > all.txt
code=$?
head -n 200 all.txt
echo "..."
echo "$(grep -c '^[A-Z][A-Z][A-Z] ' all.txt) figures"
exit $code
