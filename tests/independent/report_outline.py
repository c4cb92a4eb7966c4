#!/usr/bin/env python3
"""report_outline.py REPORT.html - the outline of an mvec HTML report, for a golden test
reviewed by eye: title, headings, each table's caption, column headers and first column,
each chart's caption and size (an inline <svg>'s viewBox), the claims with their verdicts and
the number of sources. Python's html.parser only."""
import sys
from html.parser import HTMLParser


class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.text = None
        self.lines = []
        self.table = None
        self.row = None
        self.svg_depth = 0
        self.sources = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            if self.svg_depth == 0:
                self.lines.append("  [svg %s]" % a.get("viewbox", "?"))
            self.svg_depth += 1
        if self.svg_depth:
            return
        if tag in ("title", "h1", "h2", "h3", "caption", "figcaption", "th", "td"):
            self.text = []
        if tag == "table":
            self.table = {"class": a.get("class", ""), "caption": "", "heads": [], "first": []}
        if tag == "tr":
            self.row = []
        if tag == "dd" and a.get("data-key") == "verdict":
            self.text = []
            self.stack.append("verdict")
        if tag == "li" and (a.get("id") or "").startswith("src-"):
            self.sources += 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg_depth -= 1
            return
        if self.svg_depth:
            return
        text = " ".join("".join(self.text or []).split())
        if tag in ("title", "h1", "h2", "h3"):
            self.lines.append("%s%s: %s" % ("" if tag in ("title", "h1", "h2") else "  ", tag,
                                            text))
        elif tag == "figcaption":
            self.lines.append("  figure: %s" % text)
        elif tag == "caption" and self.table is not None:
            self.table["caption"] = text
        elif tag == "th" and self.table is not None:
            self.table["heads"].append(text)
        elif tag == "td" and self.row is not None:
            self.row.append(text)
        elif tag == "tr" and self.table is not None and self.row:
            self.table["first"].append(self.row[0])
            self.row = None
        elif tag == "table" and self.table is not None:
            t = self.table
            self.lines.append("  table.%s: %s" % (t["class"], t["caption"]))
            self.lines.append("    columns: %s" % " | ".join(t["heads"]))
            self.lines.append("    %d rows: %s" % (len(t["first"]), ", ".join(t["first"])))
            self.table = None
        elif tag == "dd" and self.stack and self.stack[-1] == "verdict":
            self.stack.pop()
            self.lines.append("    verdict: %s" % text)
        if tag in ("title", "h1", "h2", "h3", "caption", "figcaption", "th", "td", "dd"):
            self.text = None

    def handle_data(self, data):
        if self.text is not None and not self.svg_depth:
            self.text.append(data)


o = Outline()
with open(sys.argv[1], encoding="utf-8") as f:
    o.feed(f.read())
o.close()
print("\n".join(o.lines))
print("sources: %d numbered" % o.sources)
