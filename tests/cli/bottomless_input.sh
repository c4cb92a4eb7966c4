# inputs are bounded (32 MiB a file, docs/formats.md): a bottomless input ends with exit 3
# instead of reading until memory runs out; a larger regular file is refused by its size
timeout 20 "$MVEC" profile --data /dev/zero
echo "exit $?"
yes 'KAZ,CHN,trade.total,share,2023,,,19.2,,%,unstated,,,x,,,,,,,' |
    timeout 20 "$MVEC" profile --data -
echo "exit $?"
truncate -s 33M big.csv
timeout 20 "$MVEC" profile --data big.csv
echo "exit $?"
