# -o over an existing regular file keeps its permission bits (the temporary file gets the
# target's mode, not 0666 & ~umask); a new file still gets 0666 & ~umask
umask 022
for mode in 640 604 600 400 2750; do
    echo previous >"keep$mode.txt"
    chmod "$mode" "keep$mode.txt"
    "$MVEC" sources --vector arms.imports -o "keep$mode.txt"
    echo "exit $?"
    stat -c '%a %n' "keep$mode.txt"
    head -c 7 "keep$mode.txt" | od -An -c | tr -s ' '
done
# a wider mode than the umask allows is kept too: the user chose it
umask 077
echo previous >wide.txt
chmod 664 wide.txt
"$MVEC" sources --vector arms.imports -o wide.txt && stat -c '%a %n' wide.txt
"$MVEC" sources --vector arms.imports -o new.txt && stat -c '%a %n' new.txt
# no temporary file is left behind
echo "temporary files left: $(ls | grep -c tmp)"
