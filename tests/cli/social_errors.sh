# Hand-made bad files of the pew, cow-igo and atop importers (malformed, truncated, not UTF-8):
# each is refused with file:line:column and exit 3, and nothing is printed on standard output
for f in pew_bad_share pew_truncated pew_bad_utf8 cow_igo_bad_code cow_igo_truncated \
    cow_igo_bad_utf8 atop_bad_year atop_truncated atop_bad_utf8; do
    "$MVEC" sources --no-embedded --data $f.csv
    echo "$f: exit $?"
done
# named formats read the same files the same way
"$MVEC" profile KAZ --no-embedded --data cow_igo_bad_code.csv
echo "exit $?"
