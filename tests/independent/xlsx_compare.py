#!/usr/bin/env python3
"""Compare a sheet of an .xlsx workbook (read by xlsx_read.py: zipfile and
xml.etree, no libmvec) with the CSV output of the same command, cell by cell,
and check the workbook's layout.

    xlsx_compare.py FILE.xlsx SHEET FILE.csv

Prints one line "ok SHEET: R rows x C columns, N numbers, P percent columns,
T thousands columns; sheets: A, B, Sources (S sources)" or the differences
(at most 10) and exits 1.

Rules:
- same row count (header included) and column count; a CSV pair KEY_lo,
  KEY_hi is the workbook's "<header> (low)", "<header> (high)";
- a text cell equals the CSV field; an empty cell is an empty field;
- a number equals the CSV number: exactly (relative 1e-9) when the CSV has
  full precision, else within half a unit of the CSV's last decimal; in a
  percent-formatted column the stored fraction x 100 is compared;
- numbers are numbers: in a column where the workbook has any number, every
  CSV field that reads as a number must be a number in the workbook; a CSV
  column named *_pct*, *_lo, *_hi, *_usd, year or *_share with numbers must
  be stored as numbers;
- formats: a CSV key with "_pct" or ending in "_share" has a percent format
  (and no other column has one); a key ending in "_usd" has a thousands
  format (#,##0); a "year" column has a plain format without separators;
- the header row is frozen (1 row), the sheet has an autofilter over the
  table, every column has a width; every sheet name is at most 31
  characters without []:*?/\\; a Sources sheet exists with at least one
  source row.
"""
import csv
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_read import read_workbook, column_letter  # noqa: E402


def parse_number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    if text.strip() != text or text.lower() in ("nan", "inf", "-inf", "infinity", "-infinity"):
        return None
    return value


def decimals_of(text):
    if "e" in text or "E" in text:
        return None
    return len(text.split(".", 1)[1]) if "." in text else 0


def close_enough(expected_text, expected, got):
    if expected == got:
        return True
    if abs(expected - got) <= 1e-9 * max(abs(expected), abs(got)):
        return True
    d = decimals_of(expected_text)
    if d is not None and d < 17:
        # the CSV rounded to d decimals: the stored number must round to it
        return abs(expected - got) <= 0.5 * 10 ** -d * (1 + 1e-9) + 1e-15 * abs(got)
    return False


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, sheet_name, csv_path = argv[1:]
    sheets = read_workbook(path)
    problems = []
    names = [s.name for s in sheets]
    for n in names:
        if len(n) > 31 or any(ch in n for ch in "[]:*?/\\"):
            problems.append("bad sheet name %r" % n)
    sources = [s for s in sheets if s.name == "Sources"]
    if not sources:
        problems.append("no Sources sheet (sheets: %s)" % ", ".join(names))
    elif len(sources[0].rows) < 2:
        problems.append("the Sources sheet has no source")
    matches = [s for s in sheets if s.name == sheet_name]
    if not matches:
        print("no sheet %r in %s (sheets: %s)" % (sheet_name, path, ", ".join(names)))
        return 1
    sheet = matches[0]
    with open(csv_path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    for s in sheets:
        if s.frozen != (1, 0):
            problems.append("sheet %s: header not frozen (%s)" % (s.name, s.frozen))
        if s.rows and not s.autofilter:
            problems.append("sheet %s: no autofilter" % s.name)
        for c in range(len(s.rows[0]) if s.rows else 0):
            if not s.widths.get(c):
                problems.append("sheet %s: column %s has no width" % (s.name, column_letter(c)))
    if len(sheet.rows) != len(table):
        problems.append("rows: xlsx %d, csv %d" % (len(sheet.rows), len(table)))
    header = table[0] if table else []
    width = len(sheet.rows[0]) if sheet.rows else 0
    if width != len(header):
        problems.append("columns: xlsx %d, csv %d" % (width, len(header)))
    numbers = 0
    percent_columns = 0
    thousands_columns = 0
    for c, key in enumerate(header[:width]):
        got_header = sheet.rows[0][c] if sheet.rows else None
        if key.endswith("_lo") and not str(got_header).endswith(" (low)"):
            problems.append("header %s: %r for CSV %s" % (column_letter(c), got_header, key))
        if key.endswith("_hi") and not str(got_header).endswith(" (high)"):
            problems.append("header %s: %r for CSV %s" % (column_letter(c), got_header, key))
        formats = {sheet.formats.get((r, c)) for r in range(1, len(sheet.rows))
                   if isinstance(sheet.rows[r][c], float)}
        has_number = bool(formats)
        percent = "_pct" in key or key.endswith("_share")
        must_be_number = percent or key.endswith(("_lo", "_hi", "_usd", "_share")) or key == "year"
        if has_number and percent:
            percent_columns += 1
            if not all(f.endswith("%") for f in formats):
                problems.append("column %s (%s): formats %s, not percent" % (
                    column_letter(c), key, formats))
        elif has_number and any(f.endswith("%") for f in formats):
            problems.append("column %s (%s): percent format %s" % (column_letter(c), key, formats))
        if has_number and key.endswith("_usd"):
            thousands_columns += 1
            if not all("#,##0" in f for f in formats):
                problems.append("column %s (%s): formats %s, not thousands" % (
                    column_letter(c), key, formats))
        if has_number and key == "year" and any("," in f for f in formats):
            problems.append("column %s (year): format %s has separators" % (column_letter(c), formats))
        for r in range(1, min(len(table), len(sheet.rows))):
            expected = table[r][c] if c < len(table[r]) else ""
            got = sheet.rows[r][c]
            where = "%s%d (%s)" % (column_letter(c), r + 1, key)
            expected_number = parse_number(expected)
            if isinstance(got, float):
                numbers += 1
                if expected_number is None:
                    problems.append("%s: xlsx %r, csv %r" % (where, got, expected))
                    continue
                fmt = sheet.formats.get((r, c), "")
                shown = got * 100 if fmt.endswith("%") and "_pct" in key else got
                if not close_enough(expected, expected_number, shown):
                    problems.append("%s: xlsx %r (%s), csv %s" % (where, got, fmt, expected))
            else:
                text = "" if got is None else got
                if expected_number is not None and (has_number or must_be_number):
                    problems.append("%s: a number stored as %r (csv %s)" % (where, got, expected))
                elif text != expected:
                    problems.append("%s: xlsx %r, csv %r" % (where, text, expected))
    if problems:
        for p in problems[:10]:
            print(p)
        if len(problems) > 10:
            print("... %d differences in all" % len(problems))
        return 1
    print("ok %s: %d rows x %d columns, %d numbers, %d percent columns, %d thousands columns; "
          "sheets: %s (%d sources)" % (sheet_name, len(sheet.rows), width, numbers,
                                       percent_columns, thousands_columns, ", ".join(names),
                                       len(sources[0].rows) - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
