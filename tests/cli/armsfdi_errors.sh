# Hand-made bad files of the sipri-tiv, unctad-fdi, wiiw-fdi and aiddata importers (a bad
# number, a truncated last row, invalid UTF-8): exit 3, file:line:column, nothing written
for name in sipri_tiv unctad_fdi wiiw_fdi aiddata; do
    for kind in malformed truncated encoding; do
        "$MVEC" sources --no-embedded --data "${name}_$kind.csv" --format csv > out.txt
        echo "${name}_$kind: exit $?, $(wc -c < out.txt) bytes written"
    done
done
