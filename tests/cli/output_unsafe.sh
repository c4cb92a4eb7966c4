# -o writes only regular files: a device, FIFO, symbolic link or directory is refused with
# exit 1 before any work, and left as it was; a new file gets mode 0666 & ~umask
# The device is a node of our own (as root, which CI is): a regression must not be able to
# replace the machine's /dev/null. Without root, /dev is not writable, so /dev/null is safe.
if mknod device c 1 3 2>/dev/null; then dev=device; else dev=/dev/null; fi
ln -s kept.txt link
echo previous > kept.txt
mkfifo fifo
mkdir dir
"$MVEC" profile -o "$dev" 2>device.err
echo "exit $?"
sed "s|'$dev'|'DEVICE'|" device.err >&2
rm device.err
for target in link fifo dir; do
    "$MVEC" profile -o "$target"
    echo "exit $?"
done
cat kept.txt
[ -c "$dev" ] && echo "the device is still a character device"
[ -p fifo ] && echo "fifo is still a FIFO"
"$MVEC" profile -o missing/out.txt
echo "exit $?"
umask 022
"$MVEC" check -o open.txt && stat -c '%a %n' open.txt
umask 027
"$MVEC" check -o closed.txt && stat -c '%a %n' closed.txt
umask 077
"$MVEC" check -o private.txt && stat -c '%a %n' private.txt
ls | grep -vx device
