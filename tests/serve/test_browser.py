"""The dashboard in headless Chromium (Debian's): the pages load with no console message and no
uncaught error, the DOM after the scripts ran shows the profile's figures (computed here from
the API's JSON), a change of country changes them, a scenario run shows its bands; screenshots
are kept in OUTDIR. The console detector is first shown to catch a planted error.

usage: python3 test_browser.py MVEC OUTDIR     (exit 77 when chromium is not installed)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from serve_util import EXAMPLES, Checks, Server

MVEC, OUTDIR = sys.argv[1], sys.argv[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    print("serve-browser: chromium not installed")
    sys.exit(77)
os.makedirs(OUTDIR, exist_ok=True)
t = Checks("serve-browser")
PROFILE_DIR = tempfile.mkdtemp(prefix="mvec-chromium-")


def browse(url, screenshot=None, height=1000):
    """(DOM after the scripts ran, console lines) of one page load (a profile directory of its
    own, so loads can run at the same time)."""
    profile = tempfile.mkdtemp(dir=PROFILE_DIR)
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--mute-audio", "--no-default-browser-check",
            "--disable-features=Translate,MediaRouter,OptimizationHints",
            "--virtual-time-budget=4000", "--window-size=1400,%d" % height, "--dump-dom"]
    if screenshot:
        args.append("--screenshot=" + os.path.join(OUTDIR, screenshot))
    for attempt in (1, 2):  # a Chromium that hangs at start-up on a loaded machine: once more
        try:
            result = subprocess.run(args + [url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, timeout=90, check=False)
            break
        except subprocess.TimeoutExpired:
            if attempt == 2:
                raise
    console = [line for line in result.stderr.splitlines()
               if ":CONSOLE" in line or "Uncaught" in line]
    return result.stdout, console


server = Server(MVEC, "--data", os.path.join(EXAMPLES, "uzbekistan.csv"))
planted = os.path.join(PROFILE_DIR, "planted.html")
with open(planted, "w") as f:
    f.write("<!doctype html><p>x</p><script>no_such_function();</script>")
# Chromium's start-up dominates: two page loads at a time.
pool = ThreadPoolExecutor(max_workers=2)
loads = {
    "planted": pool.submit(browse, "file://" + planted),
    "KAZ": pool.submit(browse, server.url, "dashboard-kaz.png"),
    "UZB": pool.submit(browse, server.url + "?country=UZB", "dashboard-uzb.png"),
    "scenario": pool.submit(browse, server.url + "?scenario=squeezed&paths=200&seed=3",
                            "dashboard-scenario.png", 2800),
}

# ---- the detector catches a planted error ----------------------------------------------------
_, console = loads["planted"].result()
t.check(any("no_such_function" in line for line in console),
        "the console detector missed a planted error: %s" % console)


def share_cells(dom):
    return re.findall(r'<td class="num share[^"]*">([^<]*)</td>', dom)


def expected_cells(country):
    """The great powers' shares of each computed vector as the page prints them, from the
    API's JSON (low-high in % with one decimal, one number when exact)."""
    _, _, body = server.request("GET", "/api/profile?country=" + country)
    profile = json.loads(body)
    cells = []
    for v in profile["vectors"] + [profile["composite"]]:
        if v["status"] != "ok":
            continue
        for power in profile["great_powers"]:
            iv = v["bloc_shares"].get(power)
            if iv is None or iv["lo"] is None:
                cells.append("–")
                continue
            lo, hi = "%.1f" % (100 * iv["lo"]), "%.1f" % (100 * iv["hi"])
            cells.append((lo if lo == hi else lo + "–" + hi) + " %")
    return profile["country_name"], cells


for country, shot in [("KAZ", "dashboard-kaz.png"), ("UZB", "dashboard-uzb.png")]:
    dom, console = loads[country].result()
    t.check(console == [], "%s: console messages: %s" % (country, console))
    name, cells = expected_cells(country)
    t.check("Profile of %s (%s)" % (name, country) in dom, "%s: no profile title in the DOM" % country)
    shown = share_cells(dom)
    first = next((i for i, (a, b) in enumerate(zip(shown, cells)) if a != b), min(len(shown), len(cells)))
    t.check(len(cells) > 3 and shown == cells,
            "%s: %d figures shown, %d expected; from the %dth: %s, expected %s"
            % (country, len(shown), len(cells), first + 1, shown[first:first + 4], cells[first:first + 4]))
    if country == "KAZ":
        kaz_cells = shown
    else:
        t.check(shown != kaz_cells, "a change of country did not change the figures")
    t.check(os.path.getsize(os.path.join(OUTDIR, shot)) > 20000, "%s: screenshot blank" % shot)

# a scenario run from a link: the bands table filled
dom, console = loads["scenario"].result()
t.check(console == [], "scenario: console messages: %s" % console)
t.check('data-paths="200"' in dom, "scenario: no run of 200 paths in the DOM")
rows = re.findall(r"<tr><th scope=\"row\">(\d{4})", dom)
t.check(len(rows) == 11, "scenario: %d years in the bands table, expected 11" % len(rows))
t.check('id="fan-chart" alt="scenario fan chart" src="/api/chart/fan.svg?' in dom or "fan" not in
        json.loads(server.request("GET", "/api/schemes")[2])["charts"], "scenario: no fan chart")

t.check(server.stop() == 0, "SIGTERM: exit code not 0")
shutil.rmtree(PROFILE_DIR, ignore_errors=True)
t.finish()
