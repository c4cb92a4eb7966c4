# mvec serve's usage errors (exit 2) before it listens: a port out of range or not a number, a
# --bind that is not an address, caps out of range, an argument; a port already taken (exit 1).
"$MVEC" serve --port 70000; echo "exit $?"
"$MVEC" serve --port 80a; echo "exit $?"
"$MVEC" serve --bind localhost; echo "exit $?"
"$MVEC" serve --max-seconds 0; echo "exit $?"
"$MVEC" serve --max-paths 2000000; echo "exit $?"
"$MVEC" serve --threads 0; echo "exit $?"
"$MVEC" serve KAZ; echo "exit $?"
