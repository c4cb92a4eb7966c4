# -o writes only regular files: a device, FIFO, symbolic link or directory is refused with
# exit 1 before any work, and left as it was; a new file gets mode 0666 & ~umask
ln -s kept.txt link
echo previous > kept.txt
mkfifo fifo
mkdir dir
for target in /dev/null link fifo dir; do
    "$MVEC" profile -o "$target"
    echo "exit $?"
done
cat kept.txt
[ -c /dev/null ] && echo "/dev/null is still a character device"
[ -p fifo ] && echo "fifo is still a FIFO"
"$MVEC" profile -o missing/out.txt
echo "exit $?"
umask 022
"$MVEC" check -o open.txt && stat -c '%a %n' open.txt
umask 027
"$MVEC" check -o closed.txt && stat -c '%a %n' closed.txt
umask 077
"$MVEC" check -o private.txt && stat -c '%a %n' private.txt
ls
