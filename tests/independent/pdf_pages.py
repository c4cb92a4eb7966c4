#!/usr/bin/env python3
"""pdf_pages.py FILE.pdf [TITLE] - check a PDF as headless Chromium prints it: a PDF header,
at least one page, every page's MediaBox A4 (595 x 842 pt within 1 pt), and, when given,
TITLE in the document's /Title (UTF-16 hex, as Skia writes it). Reads the file's own
objects with a regular expression (Skia writes page dictionaries uncompressed); prints one
line and exits 1 on failure."""
import re
import sys

data = open(sys.argv[1], "rb").read()
problems = []
if not data.startswith(b"%PDF-"):
    problems.append("no %PDF- header")
pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)
boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data)
if not pages:
    problems.append("no page")
if len(boxes) < len(pages):
    problems.append("%d pages but %d MediaBoxes" % (len(pages), len(boxes)))
for box in boxes:
    x0, y0, x1, y1 = (float(v) for v in box)
    if abs((x1 - x0) - 595.276) > 1 or abs((y1 - y0) - 841.89) > 1:
        problems.append("page of %.2f x %.2f pt, not A4" % (x1 - x0, y1 - y0))
if len(sys.argv) > 2:
    m = re.search(rb"/Title\s*<FEFF([0-9A-Fa-f]*)>", data)
    title = bytes.fromhex(m.group(1).decode()).decode("utf-16-be") if m else ""
    if sys.argv[2] not in title:
        problems.append("title %r lacks %r" % (title, sys.argv[2]))
if problems:
    print("FAIL pdf: " + "; ".join(sorted(set(problems))[:5]))
    sys.exit(1)
print("ok pdf: %s pages, all A4 (595 x 842 pt within 1 pt)" %
      ("one or more" if len(pages) >= 1 else "no"))
