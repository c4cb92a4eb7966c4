# Excel output where it cannot go or cannot be made: a terminal (through script(1), which
# gives the command a pseudo-terminal) is refused with exit 2; an unknown format is still a
# usage error; a failed workbook leaves no file behind; a redirect gets the zip bytes.
root="$FIXTURES/../.."
"$MVEC" profile --format xml
echo "exit $?"
"$MVEC" screen KAZ --format json --data "$FIXTURES/screen_wto.csv"
echo "exit $?"
# script -e exits with the command's status; the pseudo-terminal carries both streams
for command in "profile" "screen KAZ --year 2019 --data screen_wto.csv" "workspace"; do
    script -qec "$MVEC $command --format xlsx" /dev/null >tty.txt
    code=$?
    tr -d '\r' <tty.txt
    echo "exit $code"
done
# with -o the terminal does not matter
script -qec "$MVEC profile --format xlsx -o tty.xlsx" /dev/null >tty.txt
code=$?
tr -d '\r' <tty.txt
echo "exit $code $(head -c 2 tty.xlsx)"
# a redirect: the zip's first bytes
"$MVEC" shares --vector trade.exports --format xlsx | head -c 2
echo " exit $?"
# no temporary directory: exit 1, and no file
TMPDIR=no-such-dir "$MVEC" shares --vector trade.exports --format xlsx -o gone.xlsx
echo "exit $?"
ls gone.xlsx* 2>/dev/null
# nothing to write: no file
"$MVEC" shares --vector no.such --format xlsx -o none.xlsx
echo "exit $?"
ls none.xlsx* 2>/dev/null
# one workbook per output: --asymmetry over two flow tables is refused
"$MVEC" profile KAZ -q --no-embedded --data "$FIXTURES/flowprofile/wto_tiny.csv" \
    --data "$FIXTURES/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv" --asymmetry \
    --format xlsx -o two.xlsx
echo "exit $?"
ls two.xlsx* 2>/dev/null
python3 "$root/tests/independent/xlsx_read.py" tty.xlsx
