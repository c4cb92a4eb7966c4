# data/kaz/corridors.csv, the built-in corridor network, checked by Python's standard library
# against docs/formats.md ("Corridor network"), independently of mvec's reader: the header is the
# documented columns in order; every row has a source and an http(s) url; link ids are
# [a-z0-9-]+; one unit per commodity; places are the focal ISO3, ISO3:Name or market:CODE;
# transit and operator_country are ISO3 lists; capacity is a number, empty or `unlimited`;
# volume, cost and days are numbers or empty; a link keeps its name, commodity, mode and ends
# across years and has one row per year; a known volume is not above a known capacity.
# It prints a summary (links and rows per commodity, unknown capacities) that the golden pins.
python3 - "${1:-$FIXTURES/../../data/kaz/corridors.csv}" <<'PY'
import csv, re, sys
path = sys.argv[1]
COLUMNS = ("link,name,commodity,mode,from,to,transit,operator,operator_country,year,capacity,unit,"
           "volume,cost,cost_unit,days,status,source,url,note").split(",")
MODES = {"pipeline", "rail", "sea", "road", "port", "border", "delivery"}
STATUSES = {"operating", "mothballed", "construction", "proposed", "cancelled"}
FOCAL = "KAZ"
NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")
ISO3 = re.compile(r"^[A-Z]{3}$")
PLACE = re.compile(r"^[A-Z]{3}:[A-Za-z0-9][A-Za-z0-9-]*$")
MARKET = re.compile(r"^market:[A-Z0-9]+$")
errors = []
def bad(line, message):
    errors.append(f"corridors.csv:{line}: {message}")
with open(path, encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    if header != COLUMNS:
        sys.exit(f"corridors.csv:1: header is not the documented columns: {','.join(header)}")
    rows = [(n, dict(zip(header, r)), len(r)) for n, r in enumerate(reader, 2)]
def iso_list(text):
    return text == "" or all(ISO3.match(c) for c in text.split(";"))
units, first, seen = {}, {}, set()
for n, r, width in rows:
    if width != len(header):
        bad(n, f"{width} fields, the header has {len(header)}")
        continue
    link = r["link"]
    if not re.match(r"^[a-z0-9-]+$", link):
        bad(n, f"link id '{link}' is not [a-z0-9-]+")
    if not re.match(r"^[a-z_]+$", r["commodity"]):
        bad(n, f"commodity '{r['commodity']}' is not [a-z_]+")
    if r["mode"] not in MODES:
        bad(n, f"mode '{r['mode']}' is not one of the documented modes")
    if r["status"] not in STATUSES:
        bad(n, f"status '{r['status']}' is not one of the documented statuses")
    if not r["source"].strip():
        bad(n, "no source")
    if not all(u.strip().startswith(("http://", "https://")) for u in r["url"].split("; ")) or not r["url"]:
        bad(n, f"url '{r['url']}' is not one or more http(s) links separated by '; '")
    if not (r["from"] == FOCAL or PLACE.match(r["from"])):
        bad(n, f"from '{r['from']}' is neither the origin {FOCAL} nor ISO3:Name")
    if not (MARKET.match(r["to"]) or PLACE.match(r["to"])):
        bad(n, f"to '{r['to']}' is neither market:CODE nor ISO3:Name")
    if r["from"] == r["to"]:
        bad(n, "a link from a place to itself")
    if not iso_list(r["transit"]) or FOCAL in r["transit"].split(";"):
        bad(n, f"transit '{r['transit']}' is not a list of ISO3 codes without the origin")
    if not iso_list(r["operator_country"]):
        bad(n, f"operator_country '{r['operator_country']}' is not a list of ISO3 codes")
    if not re.match(r"^(19|20)[0-9]{2}$", r["year"]):
        bad(n, f"year '{r['year']}' is not a year")
    if not (r["capacity"] in ("", "unlimited") or NUMBER.match(r["capacity"])):
        bad(n, f"capacity '{r['capacity']}' is not a number, empty or unlimited")
    for column in ("volume", "cost", "days"):
        if r[column] and not NUMBER.match(r[column]):
            bad(n, f"{column} '{r[column]}' is not a number")
    if bool(r["cost"]) != bool(r["cost_unit"]):
        bad(n, "cost and cost_unit must be given together")
    if not r["unit"]:
        bad(n, "no unit")
    if units.setdefault(r["commodity"], r["unit"]) != r["unit"]:
        bad(n, f"unit '{r['unit']}' but commodity {r['commodity']} uses '{units[r['commodity']]}'")
    if NUMBER.match(r["capacity"]) and NUMBER.match(r["volume"]) and float(r["volume"]) > float(r["capacity"]):
        bad(n, f"volume {r['volume']} above capacity {r['capacity']}")
    fixed = tuple(r[c] for c in ("name", "commodity", "mode", "from", "to"))
    if first.setdefault(link, fixed) != fixed:
        bad(n, f"link {link} changes its name, commodity, mode or ends between rows")
    if (link, r["year"]) in seen:
        bad(n, f"a second row for link {link} in {r['year']}")
    seen.add((link, r["year"]))
for e in errors:
    print(e, file=sys.stderr)
if errors:
    sys.exit(1)
print(f"{len(rows)} rows, {len(first)} links")
for commodity in sorted(units):
    mine = [r for _, r, _ in rows if r["commodity"] == commodity]
    links = sorted({r["link"] for r in mine})
    latest = {}
    for r in mine:
        if r["link"] not in latest or int(r["year"]) > int(latest[r["link"]]["year"]):
            latest[r["link"]] = r
    unknown = sorted(l for l, r in latest.items() if r["capacity"] == "")
    unlimited = sorted(l for l, r in latest.items() if r["capacity"] == "unlimited")
    operating = sum(r["status"] == "operating" for r in latest.values())
    markets = sorted({r["to"] for r in mine if r["to"].startswith("market:")})
    print(f"{commodity} ({units[commodity]}): {len(links)} links ({operating} operating), {len(mine)} rows, "
          f"{sum(r['capacity'] == '' for r in mine)} rows with unknown capacity, {sum(r['volume'] != '' for r in mine)} with a volume")
    print(f"  markets: {' '.join(markets)}")
    print(f"  latest row's capacity unknown: {' '.join(unknown) or '-'}")
    print(f"  latest row's capacity unlimited: {' '.join(unlimited) or '-'}")
PY
