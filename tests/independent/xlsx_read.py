#!/usr/bin/env python3
"""Read an .xlsx workbook with the Python standard library only (zipfile and
xml.etree), independently of libxlsxwriter and libmvec.

    xlsx_read.py FILE.xlsx                 list the sheets: name, rows, columns, frozen
                                           panes, autofilter
    xlsx_read.py FILE.xlsx SHEET           the sheet as CSV: numbers in full precision
                                           (repr of the double), texts as they are
    xlsx_read.py FILE.xlsx SHEET --formats one line per column: letter, width, the number
                                           formats of its cells (header row left out)

As a module: read_workbook(path) returns a list of Sheet objects (name, rows:
list of lists of str | float | None, formats: {(row, col): format code},
widths: {col: width}, frozen: (rows, cols) or None, autofilter: "A1:C9" or None).
"""
import csv
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}

# Excel's built-in number formats that can appear without a numFmt entry.
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%",
                   10: "0.00%", 49: "@"}


class Sheet:
    def __init__(self, name):
        self.name = name
        self.rows = []
        self.formats = {}
        self.widths = {}
        self.frozen = None
        self.autofilter = None


def column_index(reference):
    """'AB12' -> (11, 27): 0-based row and column."""
    m = re.match(r"([A-Z]+)(\d+)$", reference)
    letters, digits = m.group(1), m.group(2)
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch) - ord("A") + 1)
    return int(digits) - 1, col - 1


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def text_of(element):
    """The text of an <si> or <is>: <t> directly or the runs' <t>s."""
    return "".join(t.text or "" for t in element.iter("{%s}t" % NS["m"]))


def unescape(text):
    """Excel escapes control characters as _xHHHH_."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def read_workbook(path):
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = [unescape(text_of(si)) for si in root.findall("m:si", NS)]
        styles = ET.fromstring(z.read("xl/styles.xml"))
        numfmts = dict(BUILTIN_FORMATS)
        for nf in styles.findall("m:numFmts/m:numFmt", NS):
            numfmts[int(nf.get("numFmtId"))] = nf.get("formatCode")
        xf_formats = []
        for xf in styles.findall("m:cellXfs/m:xf", NS):
            xf_formats.append(numfmts.get(int(xf.get("numFmtId", "0")), "?"))
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        sheets = []
        for s in book.findall("m:sheets/m:sheet", NS):
            sheet = Sheet(s.get("name"))
            target = targets[s.get("{%s}id" % NS["r"])]
            part = target.lstrip("/") if target.startswith("/") else "xl/" + target
            root = ET.fromstring(z.read(part))
            pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
            if pane is not None and pane.get("state") == "frozen":
                sheet.frozen = (int(float(pane.get("ySplit", "0"))),
                                int(float(pane.get("xSplit", "0"))))
            af = root.find("m:autoFilter", NS)
            if af is not None:
                sheet.autofilter = af.get("ref")
            for col in root.findall("m:cols/m:col", NS):
                for i in range(int(col.get("min")) - 1, int(col.get("max"))):
                    sheet.widths[i] = float(col.get("width"))
            cells = {}
            width = 0
            height = 0
            for c in root.iter("{%s}c" % NS["m"]):
                row, col = column_index(c.get("r"))
                kind = c.get("t", "n")
                v = c.find("m:v", NS)
                if kind == "s":
                    value = shared[int(v.text)]
                elif kind == "inlineStr":
                    value = unescape(text_of(c.find("m:is", NS)))
                elif kind == "str":
                    value = v.text or ""
                elif kind == "b":
                    value = float(v.text)
                elif v is None:
                    value = None
                else:
                    value = float(v.text)
                cells[(row, col)] = value
                style = int(c.get("s", "0"))
                sheet.formats[(row, col)] = xf_formats[style] if style < len(xf_formats) else "?"
                width = max(width, col + 1)
                height = max(height, row + 1)
            if sheet.autofilter:  # the table's extent, empty cells included
                first, last = sheet.autofilter.split(":")
                last_row, last_col = column_index(last)
                width = max(width, last_col + 1)
                height = max(height, last_row + 1)
            sheet.rows = [[cells.get((r, c)) for c in range(width)] for r in range(height)]
            sheets.append(sheet)
        return sheets


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return value


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    sheets = read_workbook(argv[1])
    if len(argv) == 2:
        for s in sheets:
            print("%s\t%d rows\t%d columns\tfrozen %s\tfilter %s" % (
                s.name, len(s.rows), len(s.rows[0]) if s.rows else 0, s.frozen, s.autofilter))
        return 0
    matches = [s for s in sheets if s.name == argv[2]]
    if not matches:
        print("no sheet '%s'" % argv[2], file=sys.stderr)
        return 1
    s = matches[0]
    if "--formats" in argv[3:]:
        for c in range(len(s.rows[0]) if s.rows else 0):
            fmts = sorted({s.formats[(r, c)] for r in range(1, len(s.rows)) if (r, c) in s.formats})
            print("%s\twidth %s\t%s" % (column_letter(c), s.widths.get(c), " | ".join(fmts)))
        return 0
    out = csv.writer(sys.stdout, lineterminator="\n")
    for row in s.rows:
        out.writerow([cell_text(v) for v in row])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
