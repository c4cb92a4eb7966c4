# Monte Carlo bands: the same seed gives the same bytes on 1 and 2 threads; another seed differs.
cp "$FIXTURES/../../scenarios/squeezed.lua" .
"$MVEC" simulate squeezed.lua --paths 2000 --seed 3 --years 5 > a.txt
"$MVEC" simulate squeezed.lua --paths 2000 --seed 3 --years 5 --threads 1 > b.txt
"$MVEC" simulate squeezed.lua --paths 2000 --seed 4 --years 5 > c.txt
cmp -s a.txt b.txt && echo "seed 3 on 2 threads and on 1: identical"
cmp -s a.txt c.txt || echo "seed 4: different"
cat a.txt
"$MVEC" simulate squeezed.lua --paths 500 --seed 3 --years 3 --format csv | head -5
