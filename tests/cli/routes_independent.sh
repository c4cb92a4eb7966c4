# The low max-flows of mvec routes (CSV) recomputed by an independent Edmonds-Karp in
# Python's standard library (tests/recompute_maxflow.py) on each network fixture; the
# fixtures have no unbounded route at their low end, so the numbers must agree to 1e-9.
for net in network_diamond network_costs network_unknown; do
    "$MVEC" routes --network "$net.csv" --format csv > mvec.csv || exit 1
    python3 "$FIXTURES/../recompute_maxflow.py" "$net.csv" > python.csv || exit 1
    python3 - mvec.csv python.csv "$net" <<'PY'
import csv, sys
mvec = {}
for r in csv.DictReader(open(sys.argv[1])):
    if r["measure"] == "max_flow" and r["section"] in ("all", "market"):
        mvec[(r["commodity"], r["key"] or "all")] = float(r["low"])
rows = list(csv.reader(open(sys.argv[2])))
bad = [(c, m, v, mvec.get((c, m))) for c, m, v in rows if abs(float(v) - mvec.get((c, m), -1)) > 1e-9]
print(f"{sys.argv[3]}: {len(rows)} max-flows compared, {len(bad)} differ", *bad)
PY
done
