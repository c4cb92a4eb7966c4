#!/usr/bin/env python3
"""Independent max-flow of a corridor network file (Python standard library only, no mvec):
Edmonds-Karp from the origin (the bare ISO3 place) to each market and to all markets (a super
sink), over each commodity's operating links (latest row of each link), unknown capacities as
0 (low) or, when the link carried a volume, that volume; 'unlimited' as infinity. Prints
'commodity,market,max_flow' rows (market 'all' for every market together)."""
import csv, math, sys
from collections import defaultdict, deque

def max_flow(edges, source, sink):
    cap = defaultdict(float)
    adj = defaultdict(set)
    for u, v, c in edges:
        cap[(u, v)] += c
        adj[u].add(v)
        adj[v].add(u)
    total = 0.0
    while True:
        parent = {source: None}
        queue = deque([source])
        while queue and sink not in parent:
            u = queue.popleft()
            for v in adj[u]:
                if v not in parent and cap[(u, v)] > 1e-12:
                    parent[v] = u
                    queue.append(v)
        if sink not in parent:
            return total
        push, v = math.inf, sink
        while parent[v] is not None:
            push = min(push, cap[(parent[v], v)])
            v = parent[v]
        if math.isinf(push):
            return math.inf
        v = sink
        while parent[v] is not None:
            cap[(parent[v], v)] -= push
            cap[(v, parent[v])] += push
            v = parent[v]
        total += push

latest = {}
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        if row["link"] not in latest or int(row["year"]) > int(latest[row["link"]]["year"]):
            latest[row["link"]] = row
for commodity in dict.fromkeys(r["commodity"] for r in latest.values()):
    edges, markets, origin = [], [], None
    for r in latest.values():
        if r["commodity"] != commodity:
            continue
        for place in (r["from"], r["to"]):
            if place.startswith("market:") and place not in markets:
                markets.append(place)
            if ":" not in place:
                origin = place
        if r["status"] != "operating":
            continue
        c = r["capacity"]
        c = math.inf if c == "unlimited" else float(c) if c else float(r["volume"] or 0)
        edges.append((r["from"], r["to"], c))
    big = 1 + sum(c for _, _, c in edges if not math.isinf(c))
    finite = [(u, v, big if math.isinf(c) else c) for u, v, c in edges]
    for m in markets:
        print(f"{commodity},{m[7:]},{max_flow(finite, origin, m):.10g}")
    sink = [(m, "*sink*", big) for m in markets]
    print(f"{commodity},all,{max_flow(finite + sink, origin, '*sink*'):.10g}")
