# Progress of long work on standard error: drawn on a terminal (script(1) gives the command
# one), erased when done, never on a pipe or file. MVEC_PROGRESS_DELAY=0 draws from the start
# (the default waits a second, so quick commands never flicker).
command -v script >/dev/null || exit 77
cp "$FIXTURES/../../scenarios/squeezed.lua" .
on_tty() { script -qec "MVEC_PROGRESS_DELAY=0 $1" /dev/null; }
# the stable part of each progress line, and how the output ends (the line erased)
lines() { tr '\r' '\n' | grep -o "$1" | sed 's/: *[0-9]*%.*/: N%/' | sort -u; }

echo "simulate, a terminal:"
on_tty "$MVEC simulate squeezed.lua --paths 20000 --years 5 >/dev/null" > sim.tty
lines 'mvec: simulating 20000 paths x 5 years: *[0-9]*%, [0-9,]* paths' < sim.tty
tail -c 4 sim.tty | od -An -c | tr -s ' '
echo "simulate, a pipe: $(MVEC_PROGRESS_DELAY=0 "$MVEC" simulate squeezed.lua --paths 20000 \
    --years 5 2>&1 >/dev/null | wc -c) bytes on standard error"

# an observation file of 10 MB: read in pieces of 4 MB
python3 - <<'PY'
# one row per partner and year (a repeated key would be a conflict); padding makes it 10 MB
with open("big.csv", "w") as f:
    f.write("country,partner,vector,indicator,year,value,unit,basis,scope,source,source_date,"
            "url,quality,note\n")
    for year in range(1991, 2031):
        for p in ["CHN", "RUS", "DEU", "TUR", "KOR", "USA", "ITA", "FRA", "JPN", "IND"]:
            f.write("UZB,%s,trade.exports,value,%d,1,USD m,reporter,,Generated,,,,%s\n"
                    % (p, year, "padding " * 3000))
PY
echo "import, a terminal:"
on_tty "$MVEC import obs big.csv --workspace tty.sqlite" > import.tty
lines 'mvec: reading big.csv: *[0-9]*%' < import.tty
tr '\r' '\n' < import.tty | grep -ao 'added.*'
echo "import, a pipe: $(MVEC_PROGRESS_DELAY=0 "$MVEC" import obs big.csv --workspace pipe.sqlite \
    2>&1 >/dev/null | wc -c) bytes on standard error"

# a flow file of 10 MB (BACI-shaped, made up)
python3 - <<'PY'
codes = [4, 8, 12, 36, 40, 56, 76, 124, 156, 276, 398, 643, 792, 826, 840, 860]
with open("BACI_HS92_Y2021_V202301_big.csv", "w") as f:
    f.write("t,i,j,k,v,q\n")
    for n in range(300000):
        i, j = codes[n % 16], codes[(n // 16) % 16]
        if i != j:
            f.write("2021,%d,%d,%06d,%d.%03d,1\n" % (i, j, 10000 + n // 256, n % 9999, n % 1000))
PY
echo "flows import, a terminal:"
on_tty "$MVEC flows import BACI_HS92_Y2021_V202301_big.csv --workspace flows.sqlite" > flows.tty
lines 'mvec: reading BACI_HS92_Y2021_V202301_big.csv: *[0-9]*%' < flows.tty
echo "flows import, a pipe: $(MVEC_PROGRESS_DELAY=0 "$MVEC" flows import \
    BACI_HS92_Y2021_V202301_big.csv --workspace pipe.sqlite 2>&1 >/dev/null | wc -c) bytes on \
standard error"
