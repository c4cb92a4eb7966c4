"""The dashboard's API (mvec serve), through http.client: every route's status and type, the
JSON byte for byte that of `mvec COMMAND --format json`, bad parameters, methods, paths outside
the served set, the caps, the time cap, a small concurrent load and a clean stop.

usage: python3 test_api.py MVEC LOADGEN
"""
import json
import os
import xml.etree.ElementTree as ElementTree
from concurrent.futures import ThreadPoolExecutor
import subprocess
import sys

from serve_util import EXAMPLES, Checks, Server, cli

MVEC, LOADGEN = sys.argv[1], sys.argv[2]
UZB = os.path.join(EXAMPLES, "uzbekistan.csv")
t = Checks("serve-api")
server = Server(MVEC, "--data", UZB)

JSON = "application/json; charset=utf-8"
PAGES = {"/": "text/html; charset=utf-8", "/app.js": "text/javascript; charset=utf-8",
         "/style.css": "text/css; charset=utf-8", "/favicon.svg": "image/svg+xml"}
ROUTES = ["/api/countries", "/api/schemes", "/api/scenarios", "/api/profile",
          "/api/profile?country=UZB&year=2016", "/api/trend?vector=trade.total&bloc=CHN",
          "/api/trend?vector=trade.total&partner=RUS&break=2020", "/api/check",
          "/api/sources?country=UZB", "/api/routes", "/api/routes?close=cpc-rus",
          "/api/simulate?scenario=cpc_disruption_2022"]

# ---- every route: status, content type, the safety headers ---------------------------------
for target, kind in list(PAGES.items()) + [(r, JSON) for r in ROUTES]:
    status, headers, body = server.request("GET", target)
    t.check(status == 200, "%s: status %d: %s" % (target, status, body[:200]))
    t.check(headers.get("content-type") == kind, "%s: content type %s" % (target, headers.get("content-type")))
    t.check(headers.get("x-content-type-options") == "nosniff", "%s: nosniff" % target)
    t.check("cache-control" in headers, "%s: Cache-Control" % target)
    t.check(headers.get("content-security-policy", "").startswith("default-src 'self'"),
            "%s: Content-Security-Policy" % target)
    if kind == JSON:
        try:
            json.loads(body)
        except ValueError as error:
            t.check(False, "%s: not JSON: %s" % (target, error))
# ---- charts: SVG the library drew ----------------------------------------------------------
CHARTS = ["/api/chart/blocs.svg", "/api/chart/blocs.svg?country=UZB&year=2016",
          "/api/chart/trend.svg?vector=trade.total", "/api/chart/trend.svg?vector=trade.total&partner=CHN",
          "/api/chart/triangle.svg?vector=trade.total"]
_, _, body = server.request("GET", "/api/schemes")
if "fan" in json.loads(body)["charts"]:
    CHARTS.append("/api/chart/fan.svg?scenario=squeezed&paths=50")
for target in CHARTS:
    status, headers, body = server.request("GET", target)
    t.check(status == 200 and headers.get("content-type") == "image/svg+xml",
            "%s: %d %s %s" % (target, status, headers.get("content-type"), body[:200]))
    try:
        root = ElementTree.fromstring(body)
        t.check(root.tag.endswith("svg") and len(body) > 10000, "%s: not an SVG image" % target)
    except ElementTree.ParseError as error:
        t.check(False, "%s: SVG does not parse: %s" % (target, error))
status, _, body = server.request("GET", "/api/chart/triangle.svg")
t.check(status == 400 and b"vector" in body, "triangle without vector: %d" % status)

status, headers, body = server.request("HEAD", "/api/countries")
t.check(status == 200 and body == b"", "HEAD /api/countries: %d" % status)

# ---- the API's JSON is the CLI's, byte for byte ----------------------------------------------
SAME = [
    ("/api/profile?country=KAZ&year=2022", ["profile", "KAZ", "--year", "2022"]),
    ("/api/profile?country=UZB", ["profile", "UZB"]),
    ("/api/profile?country=Kazakhstan&blocs=treaties&weights=trade.exports%3D2%2Cfdi.stock%3D1",
     ["profile", "Kazakhstan", "--blocs", "treaties", "--weights", "trade.exports=2,fdi.stock=1"]),
    ("/api/profile?blocs=powers,treaties", ["profile", "--blocs", "powers,treaties"]),
    ("/api/trend?country=KAZ&vector=trade.total&bloc=WEST&break=2022",
     ["trend", "KAZ", "--vector", "trade.total", "--bloc", "WEST", "--break", "2022"]),
    ("/api/check?year=2023", ["check", "--year", "2023"]),
    ("/api/sources?country=UZB&vector=trade.total", ["sources", "UZB", "--vector", "trade.total"]),
    ("/api/routes?close=cpc-rus,btc", ["routes", "--close", "cpc-rus", "--close", "btc"]),
    ("/api/simulate?scenario=squeezed&paths=40&seed=7&years=4",
     ["simulate", "scenarios/squeezed.lua", "--paths", "40", "--seed", "7", "--years", "4"]),
]
def cli_json(args):
    data = [] if args[0] in ("routes",) else ["--data", UZB]
    return cli(MVEC, *args, *data, "--format", "json")


with ThreadPoolExecutor(max_workers=2) as pool:  # the CLI runs, two at a time
    expected_outputs = list(pool.map(cli_json, [args for _, args in SAME]))
for (target, args), expected in zip(SAME, expected_outputs):
    for attempt in ("computed", "cached"):
        status, headers, body = server.request("GET", target)
        t.check(status == 200 and body == expected,
                "%s (%s) differs from 'mvec %s --format json' (%d, %d vs %d bytes)"
                % (target, attempt, " ".join(args), status, len(body), len(expected)))

# ---- bad parameters: 400 with a message naming the parameter --------------------------------
BAD = [
    ("/api/profile?year=20x2", "year", "1900-2100"),
    ("/api/profile?year=1800", "year", "1900-2100"),
    ("/api/profile?country=XYZ", "country", "KAZ, UZB"),
    ("/api/profile?colour=red", "colour", "country, year, blocs, weights"),
    ("/api/profile?blocs=nope", "blocs", "powers"),
    ("/api/profile?weights=%3Cscript%3E", "weights", None),
    ("/api/profile?year=2022&year=2023", "year", None),
    ("/api/trend?bloc=CHN", "vector", None),
    ("/api/trend?vector=trade.total&bloc=CHN&partner=RUS", "bloc", None),
    ("/api/trend?vector=trade.total", "partner", None),
    ("/api/sources?partner=Atlantis", "partner", None),
    ("/api/routes?close=no-such-link", "close", "cpc-rus"),
    ("/api/simulate", "scenario", None),
    ("/api/simulate?scenario=nope", "scenario", "squeezed"),
    ("/api/simulate?scenario=scenarios/squeezed.lua", "scenario", "squeezed"),
    ("/api/simulate?scenario=squeezed&paths=0", "paths", "1-10000"),
    ("/api/simulate?scenario=squeezed&paths=10001", "paths", "1-10000"),
    ("/api/simulate?scenario=squeezed&years=101", "years", "1-100"),
    ("/api/simulate?scenario=squeezed&seed=-1", "seed", None),
]
for target, parameter, allowed in BAD:
    status, headers, body = server.request("GET", target)
    t.check(status == 400, "%s: status %d, not 400" % (target, status))
    t.check(headers.get("content-type") == JSON, "%s: content type" % target)
    try:
        error = json.loads(body)
    except ValueError:
        t.check(False, "%s: error not JSON: %r" % (target, body[:200]))
        continue
    t.check(error.get("parameter") == parameter and parameter in error.get("error", ""),
            "%s: message does not name '%s': %s" % (target, parameter, error))
    if allowed is not None:
        t.check(allowed in (error.get("allowed") or ""),
                "%s: allowed values lack '%s': %s" % (target, allowed, error))
# a country known but without figures: 404 with the library's message
status, headers, body = server.request("GET", "/api/profile?country=FRA")
t.check(status == 404 and json.loads(body)["error"], "FRA: %d %s" % (status, body[:200]))

# ---- methods: read-only --------------------------------------------------------------------
for method in ("POST", "PUT", "DELETE", "PATCH"):
    status, headers, body = server.request(method, "/api/profile")
    t.check(status == 405 and headers.get("allow") == "GET, HEAD", "%s: %d" % (method, status))

# ---- paths outside the served set ------------------------------------------------------------
for target, expected in [("/../etc/passwd", 400), ("/%2e%2e/", 400), ("/%2E%2E/etc/passwd", 400),
                         ("/%252e%252e/etc/passwd", 400), ("/api/simulate?scenario=../x", 400),
                         ("/api/simulate?scenario=%2e%2e%2fx", 400), ("/a%00b", 400),
                         ("/api/profile?country=KAZ%00", 400), ("/etc/passwd", 404),
                         ("/web/index.html", 404), ("/index.html/", 404), ("/api/nope", 404),
                         ("/api", 404), ("/scenarios/squeezed.lua", 404)]:
    status, headers, body = server.request("GET", target)
    t.check(status == expected, "%s: status %d, not %d" % (target, status, expected))
    t.check(headers.get("content-type") == JSON, "%s: content type" % target)

# ---- bytes that are not UTF-8, echoed in a message: the answer stays JSON (RFC 8259: UTF-8),
# each such byte as U+FFFD; a character cut by the message's 200-byte cap too (found by
# fuzz/fuzz_serve_request.c)
for target, expected, echoed in [("/api/c%91%8Aries", 404, "/api/c\ufffd\ufffdries"),
                                 ("/api/profile?country=%C3%A9%E2%82", 400, "\u00e9\ufffd\ufffd"),
                                 ("/api/trend?%FF=1", 400, "'\ufffd'"),
                                 ("/nope" + "%C3%A9" * 120, 404, "/nope" + "\u00e9" * 97 + "\ufffd")]:
    status, headers, body = server.request("GET", target)
    try:
        message = json.loads(body.decode("utf-8", errors="strict"))["error"]
    except (UnicodeDecodeError, ValueError, KeyError) as e:
        message = "not UTF-8 JSON (%s)" % e
    t.check(status == expected and echoed in message,
            "%s: %d %r does not hold %r" % (target, status, message, echoed))

# ---- caps: target length, parameters ----------------------------------------------------------
status, _, _ = server.request("GET", "/api/profile?weights=" + "a" * 2100)
t.check(status == 414, "a 2,100-byte target: %d, not 414" % status)
status, _, body = server.request("GET", "/api/profile?" + "&".join("p%d=1" % i for i in range(17)))
t.check(status == 400 and b"too many" in body, "17 parameters: %d" % status)
status, _, body = server.request("GET", "/api/profile?weights=" + "a" * 600)
t.check(status == 400 and b"longer than" in body, "a 600-byte value: %d" % status)

# ---- a smaller load: 1,000 requests at concurrency 64, no error ------------------------------
load = subprocess.run([LOADGEN, "127.0.0.1", str(server.port), "1000", "64",
                       "/api/profile?country=KAZ", "/api/sources?country=UZB", "/",
                       "/api/profile?country=UZB&year=2016"],
                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
t.check(load.returncode == 0 and " errors 0 " in load.stdout, "load: " + load.stdout)

t.check(server.stop() == 0, "SIGTERM: exit code not 0")

# ---- the wall-clock cap: 503 with a JSON message ---------------------------------------------
capped = Server(MVEC, "--max-seconds", "0.001", "--max-paths", "100000")
status, headers, body = capped.request("GET", "/api/simulate?scenario=squeezed&paths=100000")
t.check(status == 503 and headers.get("content-type") == JSON and b"cap of 0.001 s" in body,
        "time cap: %d %s" % (status, body[:200]))
status, _, _ = capped.request("GET", "/api/simulate?scenario=squeezed&paths=10")
t.check(status in (200, 503), "after the cap the server still answers: %d" % status)
t.check(capped.stop() == 0, "SIGTERM (capped): exit code not 0")

t.finish()
