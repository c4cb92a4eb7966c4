# a failed write to standard output is an error (exit 1), not a silent loss
[ -w /dev/full ] || exit 77
"$MVEC" profile > /dev/full
