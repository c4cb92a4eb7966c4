#!/usr/bin/env python3
"""Write data/codes/sipri.csv: SIPRI's supplier and recipient names -> ISO alpha-3.

Sources (../shared/data): every name in sipri-tiv/sipri-exports-processed.csv; the SIPRI/iso3
columns of atop-alliances-1950-2017/country_list_257.csv; else the name's COW code through
data/codes/cow.csv. Names marked by SIPRI with * (non-state armed groups) or ** (organisations),
and unknown suppliers or recipients, are mapped to nothing on purpose (empty iso3, with a note).
Usage: tools/codes/sipri_names.py SHARED_DATA_DIR > data/codes/sipri.csv
"""
import csv
import sys

data = sys.argv[1]
names = {}
with open(f"{data}/sipri-tiv/sipri-exports-processed.csv", newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        names.setdefault(r["supplier"], r["supplier_cown"])
        names.setdefault(r["recipient"], r["recipient_cown"])
import json
registry = {x["alpha_3"] for part, key in (("1", "3166-1"), ("3", "3166-3"))
            for x in json.load(open(f"/usr/share/iso-codes/json/iso_3166-{part}.json",
                                    encoding="utf-8"))[key]}
atop = {}
with open(f"{data}/atop-alliances-1950-2017/country_list_257.csv", newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["iso3"] in registry:
            atop[r["SIPRI"]] = r["iso3"]
cow = {}
with open("data/codes/cow.csv", newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if not r["first_year"] and not r["last_year"]:
            cow[r["code"]] = r["iso3"]
# Names whose mapping is decided here, not by the look-ups (code, first, last, iso3, note).
SPECIAL = {
    "Soviet Union": [("SUN", "", "", "SIPRI's supplier until 1991; Russia is a separate supplier from 1992")],
    "Russia": [("RUS", "", "", "SIPRI's supplier from 1992 (the Soviet Union is separate)")],
    "Yugoslavia": [("YUG", "", "1991", "Socialist Federal Republic until 1991"),
                   ("SCG", "1992", "2005", "Serbia and Montenegro 1992-2005")],
    "East Germany (GDR)": [("DDR", "", "", "German Democratic Republic (ISO 3166-3)")],
    "Germany": [("DEU", "", "", "West Germany until 1990, then Germany")],
    "South Vietnam": [("", "", "", "Republic of Vietnam (1954-1975): no ISO code of its own")],
    "Biafra": [("", "", "", "secessionist entity, not a state")],
    "Katanga": [("", "", "", "secessionist entity, not a state")],
    "Aruba": [("ABW", "", "", "ISO 3166-1 (ATOP writes ARU)")],
    "Northern Cyprus": [("", "", "", "not a state recognised by ISO 3166: not mapped")],
    # ATOP's iso3 column uses its own codes for these
    "Czechoslovakia": [("CSK", "", "", "ISO 3166-3 (ATOP writes CZS)")],
    "Kosovo": [("XKX", "", "", "user-assigned code (ATOP writes KOS)")],
    "South Yemen": [("YMD", "", "", "ISO 3166-3 (ATOP writes SYE)")],
    "Timor-Leste": [("TLS", "", "", "ISO 3166-1 (ATOP writes TMP, the former East Timor)")],
}
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["code", "iso3", "first_year", "last_year", "name", "note"])
for name in sorted(names):
    if name in SPECIAL:
        for iso3, first, last, note in SPECIAL[name]:
            w.writerow([name, iso3, first, last, name, note])
    elif name.startswith("Unknown"):
        w.writerow([name, "", "", "", name, "unknown party: not a country"])
    elif name.endswith("**"):
        w.writerow([name, "", "", "", name, "international organisation or group of states (SIPRI **): not a country"])
    elif name.endswith("*"):
        w.writerow([name, "", "", "", name, "non-state armed group (SIPRI *): not a country"])
    elif name in atop:
        w.writerow([name, atop[name], "", "", name, ""])
    elif cow.get(names[name]):
        w.writerow([name, cow[names[name]], "", "", name, f"by its COW code {names[name]}"])
    else:
        w.writerow([name, "", "", "", name, "no ISO code found: not mapped"])
