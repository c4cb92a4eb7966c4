#!/usr/bin/env python3
"""report_check.py - check an mvec HTML report against mvec's own CSV outputs, with the Python
standard library only (html.parser, csv), not libmvec.

    report_check.py REPORT.html --country KAZ [--sources SOURCES.csv] [--profile PROFILE.csv]
                    [--check CHECK.csv] [--simulate SIM1.csv --simulate SIM2.csv ...]
                    [--charts N]

Checks:
  * self-contained: no <script>, <link>, <img>, <iframe>, <object>, <embed>, <base>, no src=
    or srcset= attribute, no @import, every url( refers to #id, every <a href> is http(s) or
    a #fragment naming an id of the page; ids unique (charts' ids prefixed);
  * sources: every (source, url) of the country in `mvec sources --format csv` is in the
    numbered source list, the url as a link;
  * profile: every number of the tables "profile" and "balance" equals `mvec profile --format
    csv` to the decimals shown (intervals: both ends; one number: both ends print alike);
  * claims: every claim of `mvec check --format csv` is there with its verdict and rule;
  * scenarios: scenario k's bands tables equal `mvec simulate ... --format csv` (k-th
    --simulate file) for every metric and year: median, 5th and 95th percentile;
  * --charts N: exactly N inline <svg> elements.
Prints one line per part checked; exits 1 on the first list of failures.
"""
import argparse
import csv
import re
import sys
from html.parser import HTMLParser

FORBIDDEN_TAGS = {"script", "link", "img", "iframe", "object", "embed", "base", "frame",
                  "audio", "video", "source", "track", "applet"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []
        self.text = []

    def all_text(self):
        parts = list(self.text)
        return "".join(parts)

    def find_all(self, tag=None, cls=None):
        out = []
        stack = list(reversed(self.children))
        while stack:
            n = stack.pop()
            if (tag is None or n.tag == tag) and (
                    cls is None or cls in n.attrs.get("class", "").split()):
                out.append(n)
            stack.extend(reversed(n.children))
        return out


VOID = {"meta", "br", "hr", "input", "col", "wbr", "area", "param", "img", "link", "base",
        "source", "track", "embed"}


class Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.current = self.root
        self.errors = []
        self.ids = {}
        self.hrefs = []
        self.svg_count = 0
        self.style_text = []

    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs)
        if tag in VOID:
            self.current = self.current.parent

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs)
        self.current = self.current.parent

    def _open(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.errors.append("forbidden element <%s>" % tag)
        for name, value in attrs:
            value = value or ""
            if name in ("src", "srcset", "poster", "background", "formaction", "action"):
                self.errors.append("<%s %s=%r> loads a resource" % (tag, name, value))
            if name.startswith("on"):
                self.errors.append("<%s %s=...>: an event handler" % (tag, name))
            if name == "style" and ("url(" in value or "@import" in value):
                self.errors.append("<%s style=%r>" % (tag, value))
            if name == "id":
                if value in self.ids:
                    self.errors.append("id %r used twice" % value)
                self.ids[value] = tag
            if name in ("href", "xlink:href"):
                self.hrefs.append((tag, name, value))
            if "url(" in value and not re.fullmatch(r"[^(]*(url\(#[^)]+\)[^(]*)+", value):
                self.errors.append("<%s %s=%r>: url( to something else than #id" %
                                   (tag, name, value))
        if tag == "svg" and self.current.tag != "svg" and not any(
                n.tag == "svg" for n in self._ancestors()):
            self.svg_count += 1
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        self.current = node

    def _ancestors(self):
        n = self.current
        while n is not None:
            yield n
            n = n.parent

    def handle_endtag(self, tag):
        n = self.current
        while n is not None and n.tag != tag:
            n = n.parent
        if n is None:
            self.errors.append("</%s> without <%s>" % (tag, tag))
            return
        self.current = n.parent

    def handle_data(self, data):
        for n in self._ancestors():
            n.text.append(data)
        if self.current.tag == "style":
            self.style_text.append(data)


def fail(part, problems):
    print("FAIL %s: %d problem(s)" % (part, len(problems)))
    for p in problems[:30]:
        print("  " + p)
    sys.exit(1)


def numbers_of(text):
    """'21.4' -> (21.4, 21.4, 1); '7.9–31.8' -> (7.9, 31.8, 1); '-' -> None."""
    text = text.strip()
    if text in ("-", ""):
        return None
    m = re.fullmatch(r"(-?\d+(?:\.(\d+))?)(?:–(-?\d+(?:\.(\d+))?))?", text)
    if not m:
        raise ValueError("not a number or range: %r" % text)
    lo = float(m.group(1))
    hi = float(m.group(3)) if m.group(3) else lo
    decimals = len(m.group(2) or "")
    return lo, hi, decimals


def close(shown, exact, decimals):
    return abs(shown - exact) <= 0.5 * 10 ** -decimals + 1e-9 * max(1, abs(exact))


def table_rows(table):
    heads = table.find_all("th")
    keys = [(h.attrs.get("data-key"), h.attrs.get("data-scale")) for h in heads]
    rows = []
    for tr in table.find_all("tr"):
        cells = tr.find_all("td")
        if cells:
            rows.append(cells)
    return keys, rows


def check_self_contained(p):
    problems = list(p.errors)
    style = "".join(p.style_text)
    if "@import" in style:
        problems.append("@import in the style sheet")
    for m in re.finditer(r"url\(([^)]*)\)", style):
        if not m.group(1).startswith("#"):
            problems.append("style sheet url(%s)" % m.group(1))
    for tag, name, value in p.hrefs:
        if value.startswith("#"):
            if value[1:] not in p.ids:
                problems.append("<%s %s=%r>: no such id" % (tag, name, value))
        elif tag == "a" and re.match(r"https?://", value):
            pass
        elif tag != "a" and value.startswith("data:"):
            pass
        else:
            problems.append("<%s %s=%r>: not http(s) or #id" % (tag, name, value))
    if problems:
        fail("self-contained", problems)
    print("ok self-contained: no script, no resource loaded, %d links, %d ids" %
          (len(p.hrefs), len(p.ids)))


def check_sources(p, path, country):
    items = p.root.find_all("ol", "sources")
    if len(items) != 1:
        fail("sources", ["expected one <ol class=sources>, found %d" % len(items)])
    entries = []
    for li in items[0].find_all("li"):
        if not li.attrs.get("id", "").startswith("src-"):
            continue
        pub = li.find_all("span", "publication")
        links = [a.attrs.get("href") for a in li.find_all("a")]
        entries.append((pub[0].all_text() if pub else "", set(links), li.all_text()))
    numbers = [int(li.attrs["id"][4:]) for li in items[0].find_all("li")
               if li.attrs.get("id", "").startswith("src-")]
    problems = []
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append("source numbers are not 1..%d in order" % len(numbers))
    by_pub = {}
    for pub, links, text in entries:
        by_pub.setdefault(pub, []).append((links, text))
    wanted = set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["country"] == country:
                wanted.add((row["source"], row["url"]))
    for source, url in sorted(wanted):
        found = by_pub.get(source, [])
        if not found:
            problems.append("source %r not listed" % source)
        elif url and re.match(r"https?://[^\s\"<>`\\{}|^]+$", url) and not any(
                url in links for links, _ in found):
            problems.append("source %r: url %r not linked" % (source, url))
        elif url and not any(url in text for _, text in found):
            problems.append("source %r: url %r not shown" % (source, url))
    if problems:
        fail("sources", problems)
    print("ok sources: %d sources of %s listed, %d numbered" % (len(wanted), country,
                                                               len(numbers)))


def check_profile(p, path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = {r["vector"]: r for r in csv.DictReader(f)}
    problems = []
    compared = 0
    for cls in ("profile", "balance"):
        tables = p.root.find_all("table", cls)
        if len(tables) != 1:
            fail("profile", ["expected one table.%s, found %d" % (cls, len(tables))])
        keys, trs = table_rows(tables[0])
        names = [k for k, _ in keys]
        seen = set()
        for cells in trs:
            vector = cells[names.index("vector")].all_text()
            seen.add(vector)
            row = rows.get(vector)
            if row is None:
                problems.append("%s: vector %r not in the CSV" % (cls, vector))
                continue
            for (key, scale), cell in zip(keys, cells):
                text = cell.all_text()
                if key in ("vector", "when", "basis_short", "top_partners", "sources"):
                    continue
                if key == "leader":
                    if (text if text != "-" else "") != row["leader"]:
                        problems.append("%s %s leader %r, CSV %r" % (cls, vector, text,
                                                                    row["leader"]))
                    compared += 1
                    continue
                stem = key + ("_pct" if scale == "100" else "")
                lo_text, hi_text = row.get(stem + "_lo"), row.get(stem + "_hi")
                if lo_text is None:
                    problems.append("%s: column %r not in the CSV" % (cls, stem))
                    continue
                shown = numbers_of(text)
                if shown is None:
                    if lo_text != "" or hi_text != "":
                        problems.append("%s %s %s: '-' but CSV %s-%s" % (cls, vector, key,
                                                                        lo_text, hi_text))
                    continue
                lo, hi = float(lo_text), float(hi_text)
                if not (close(shown[0], lo, shown[2]) and close(shown[1], hi, shown[2])):
                    problems.append("%s %s %s: shown %r, CSV %s-%s" % (cls, vector, key, text,
                                                                      lo_text, hi_text))
                compared += 1
        missing = set(rows) - seen
        if missing:
            problems.append("%s: vectors missing: %s" % (cls, ", ".join(sorted(missing))))
    if problems:
        fail("profile", problems)
    print("ok profile: %d vectors (with the composite), %d figures equal the CSV" %
          (len(rows), compared))


def check_claims(p, path):
    records = p.root.find_all("div", "record")
    by_heading = {}
    for r in records:
        h = r.find_all("h3")
        fields = {dd.attrs.get("data-key"): dd.all_text() for dd in r.find_all("dd")}
        by_heading[h[0].all_text() if h else ""] = fields
    problems = []
    count = 0
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            count += 1
            heading = "%s: \u201c%s\u201d" % (row["id"], row["claim"])
            fields = by_heading.get(heading)
            if fields is None:
                problems.append("claim %r not in the report" % heading)
                continue
            for key in ("verdict", "rule", "article"):
                if fields.get(key) != row[key]:
                    problems.append("claim %s %s: %r, CSV %r" % (row["id"], key, fields.get(key),
                                                               row[key]))
    if problems:
        fail("claims", problems)
    print("ok claims: %d claims with their verdict, rule and article" % count)


def check_simulation(p, index, path):
    divs = [d for d in p.root.find_all("div", "scenario")
            if d.attrs.get("id") == "scenario-%d" % index]
    if len(divs) != 1:
        fail("scenario %d" % index, ["no div#scenario-%d" % index])
    shown = {}
    for table in divs[0].find_all("table", "bands"):
        keys, trs = table_rows(table)
        for cells in trs:
            year = cells[0].all_text()
            for (key, scale), cell in zip(keys[1:], cells[1:]):
                med = cell.find_all("span", "median")
                band = cell.find_all("span", "band")
                text = med[0].all_text() if med else cell.all_text()
                shown[(key, year)] = (text, band[0].all_text() if band else None,
                                      float(scale or 1))
    problems = []
    count = 0
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            count += 1
            got = shown.get((row["metric"], row["year"]))
            if got is None:
                problems.append("%s %s not in the report" % (row["metric"], row["year"]))
                continue
            median_text, band_text, scale = got
            if median_text == "-":
                if row["median"] != "":
                    problems.append("%s %s: '-' but CSV %s" % (row["metric"], row["year"],
                                                             row["median"]))
                continue
            median = numbers_of(median_text)
            if band_text is None:
                lo = hi = median
            else:
                lo = numbers_of(band_text)
                hi = (lo[1], lo[1], lo[2])
                lo = (lo[0], lo[0], lo[2])
            for name, value in (("median", median), ("p5", lo), ("p95", hi)):
                exact = float(row[name]) * scale
                if not close(value[0], exact, value[2]):
                    problems.append("%s %s %s: shown %s, CSV %s (x %g)" % (
                        row["metric"], row["year"], name, value[0], row[name], scale))
    if problems:
        fail("scenario %d" % index, problems)
    print("ok scenario %d: %d metric-years, median and 5th-95th band equal the CSV" %
          (index, count))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--country", required=True)
    ap.add_argument("--sources")
    ap.add_argument("--profile")
    ap.add_argument("--check")
    ap.add_argument("--simulate", action="append", default=[])
    ap.add_argument("--charts", type=int)
    args = ap.parse_args()
    with open(args.report, encoding="utf-8") as f:
        html = f.read()
    p = Parser()
    p.feed(html)
    p.close()
    check_self_contained(p)
    if args.charts is not None:
        if p.svg_count != args.charts:
            fail("charts", ["%d inline <svg>, expected %d" % (p.svg_count, args.charts)])
        print("ok charts: %d inline SVG" % p.svg_count)
    if args.sources:
        check_sources(p, args.sources, args.country)
    if args.profile:
        check_profile(p, args.profile)
    if args.check:
        check_claims(p, args.check)
    for i, path in enumerate(args.simulate, 1):
        check_simulation(p, i, path)


if __name__ == "__main__":
    main()
