# hand-made bad files of the eurostat and ei-gas formats (tests/data): malformed, truncated in
# the middle of a row, not UTF-8 -> file:line:column, exit 3, nothing written to standard output
for f in eurostat_malformed eurostat_truncated eurostat_bad_utf8 \
         ei_gas_malformed ei_gas_truncated ei_gas_bad_utf8; do
    "$MVEC" sources --no-embedded --data $f.csv --format csv > out.txt
    echo "$f: exit $?, $(wc -c < out.txt) bytes of output"
done
