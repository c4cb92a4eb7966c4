# mvec report's refusals: each with its message and exit code, and no file written.
root="$FIXTURES/../.."
"$MVEC" report --blocs powers,treaties -o r.html; echo "exit $?"
"$MVEC" report --scenario no_such_script.lua -o r.html; echo "exit $?"
"$MVEC" report --scenario "$root/scenarios/squeezed.lua" --paths 0 -o r.html; echo "exit $?"
printf 'while true do end\n' > runaway.lua
"$MVEC" report --no-charts --scenario runaway.lua -o r.html 2>runaway.err
echo "exit $?"
sed 's/: stopped .*/: stopped (a cap)/' runaway.err >&2
"$MVEC" report XXY -o r.html; echo "exit $?"
"$MVEC" report --format csv; echo "exit $?"
ls r.html 2>/dev/null || echo "no r.html"
