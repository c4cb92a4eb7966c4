# SIGTERM, SIGINT or SIGHUP while mvec writes to -o (here: blocked on a FIFO given as --data)
# removes the temporary file; the old output stays as it was
mkfifo input
echo previous > out.txt
for signal in TERM INT HUP; do
    env --default-signal=INT "$MVEC" profile --data input -o out.txt &
    pid=$!
    tries=0
    while ! ls out.txt.tmp* >/dev/null 2>&1 && [ $tries -lt 100 ]; do
        sleep 0.05
        tries=$((tries + 1))
    done
    ls out.txt.tmp* >/dev/null 2>&1 && echo "$signal: temporary file present while running"
    kill -s "$signal" "$pid"
    wait "$pid" 2>/dev/null
    echo "$signal: exit $?"
done
ls
cat out.txt
