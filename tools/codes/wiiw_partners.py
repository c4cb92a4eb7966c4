#!/usr/bin/env python3
"""Write data/codes/wiiw.csv: the Country-Code and Partner-Code columns of wiiw's FDI by partner -> ISO alpha-3.

wiiw writes partners as ISO 3166-1 alpha-2 codes (mapped through the iso-codes JSON), plus its
own aggregates: WORLD (the total: WLD) and EU groupings (mapped to nothing on purpose: their
membership changes and the member countries are listed themselves).
Usage: tools/codes/wiiw_partners.py SHARED_DATA_DIR > data/codes/wiiw.csv
"""
import csv
import json
import sys

data = sys.argv[1]
iso = {x["alpha_2"]: x["alpha_3"] for x in
       json.load(open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8"))["3166-1"]}
SPECIAL = {
    "WORLD": ("WLD", "wiiw's total by countries"),
    "AN": ("ANT", "Netherlands Antilles (ISO 3166-3), dissolved 2010"),
    "EU15_1995": ("", "EU aggregate: not a country (its members are listed themselves)"),
    "EU27_2020": ("", "EU aggregate: not a country (its members are listed themselves)"),
    "EU28_2013": ("", "EU aggregate: not a country (its members are listed themselves)"),
}
partners = {}
with open(f"{data}/wiiw-fdi-kaz/wiiw_partners.csv", newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        partners.setdefault(r["Partner-Code"], r["Partner"])
        partners.setdefault(r["Country-Code"], r["Country"])
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["code", "iso3", "first_year", "last_year", "name", "note"])
for code in sorted(partners):
    if code in SPECIAL:
        w.writerow([code, SPECIAL[code][0], "", "", partners[code], SPECIAL[code][1]])
    elif code in iso:
        w.writerow([code, iso[code], "", "", partners[code], ""])
    else:
        w.writerow([code, "", "", "", partners[code], "unknown to ISO 3166-1: not mapped"])
