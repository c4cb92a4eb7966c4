# one scheme in --blocs: today's output, byte for byte
for command in profile shares check; do
    "$MVEC" $command > default.txt
    "$MVEC" $command --blocs powers > named.txt
    cmp default.txt named.txt && echo "$command: same"
done
"$MVEC" profile --blocs treaties | head -2
