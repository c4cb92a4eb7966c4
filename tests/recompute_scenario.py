#!/usr/bin/env python3
"""Recompute two scenarios' numbers from the data files alone (Python stdlib), for
tests/cli/scenario_recompute.sh: the farm embargo's exports at risk and the China trade
target's trade.total, against mvec simulate's CSV (--exact) on standard input.

Usage: mvec simulate ... --format csv --exact | recompute_scenario.py farm|target ROOT
"""
import csv
import sys

kind, root = sys.argv[1], sys.argv[2]


def bns(partner, vector, year):
    """The Bureau's value (USD) of one partner, vector and year, not superseded."""
    with open(f"{root}/data/kaz/official_bns_trade.csv", newline="") as f:
        for r in csv.DictReader(f):
            if (r["partner"], r["vector"], r["indicator"], r["year"], r["period"]) == (
                    partner, vector, "value", year, "") and r["status"] != "superseded":
                assert r["unit"] == "USD k"
                return float(r["value"]) * 1e3
    raise SystemExit(f"no {partner} {vector} {year}")


def chapter_share(partner, lo, hi):
    total = part = 0.0
    with open(f"{root}/data/kaz/exports_by_chapter.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["partner"] == partner:
                v = float(r["value"])
                total += v
                if lo <= int(r["chapter"]) <= hi:
                    part += v
    return part / total


got = {}
for r in csv.DictReader(sys.stdin):
    got[(r["metric"], r["year"])] = float(r["median"])

if kind == "farm":
    # embargo by RUS on HS 01-24, cut 0.5, 2024-2025 (scenarios/farm_retaliation_brics.lua)
    expected = 0.5 * bns("RUS", "trade.exports", "2023") * chapter_share("RUS", 1, 24)
    checks = [("exports.at_risk", "2024", expected), ("exports.at_risk", "2025", expected),
              ("exports.at_risk", "2026", 0.0)]
else:
    # trade with CHN grows to 40e9 by 2030 from 2023 (scenarios/trade_target_40bn.lua)
    x = bns("CHN", "trade.exports", "2023") + bns("CHN", "trade.imports", "2023")
    total = bns("WLD", "trade.exports", "2023") + bns("WLD", "trade.imports", "2023")
    g = (40e9 / x) ** (1 / 7)
    checks = [("trade.total.value", str(2023 + t), total + x * (g ** t - 1)) for t in (1, 4, 7)]
    checks.append(("trade.total.value", "2030", total + 40e9 - x))
for metric, year, want in checks:
    have = got[(metric, year)]
    ok = abs(have - want) <= 1e-6 * max(1.0, abs(want))
    print(f"{metric} {year}: mvec {have:.2f}, recomputed {want:.2f}: {'ok' if ok else 'DIFFERS'}")
    if not ok:
        sys.exit(1)
