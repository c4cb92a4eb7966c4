#!/usr/bin/env python3
"""chart_image.py - structural checks of a chart written by `mvec chart`, with the Python
standard library only (no imaging library: PNG is decoded here with zlib and the PNG filters).

    chart_image.py FILE WIDTH HEIGHT [#RRGGBB ...]

SVG: parsed with xml.etree; the root is <svg> with width and height WIDTHpt x HEIGHTpt and at
least 50 drawing elements (path, use, rect). PNG: WIDTH x HEIGHT, at least 20 distinct colours,
at least 4 % of the pixels not white, and each colour given present (within 2 per channel).
PDF: starts with %PDF-, ends with %%EOF, one page with MediaBox [0 0 WIDTH HEIGHT].
Prints "NAME: FORMAT WIDTHxHEIGHT ok" or why not, and exits 1 when a check fails."""
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib


def fail(name, why):
    print(f"{name}: {why}")
    sys.exit(1)


def check_svg(name, data, width, height):
    root = ET.fromstring(data)
    if not root.tag.endswith("svg"):
        fail(name, f"root element {root.tag}, not svg")
    for attribute, expected in (("width", width), ("height", height)):
        value = root.get(attribute, "")
        number = re.match(r"^([0-9.]+)(pt)?$", value)
        if not number or abs(float(number.group(1)) - expected) > 0.5:
            fail(name, f"{attribute} {value!r}, expected {expected}pt")
    drawn = sum(1 for e in root.iter() if e.tag.split("}")[-1] in ("path", "use", "rect"))
    if drawn < 50:
        fail(name, f"only {drawn} drawing elements")
    return "svg"


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(name, data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(name, "no PNG signature")
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        at += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace != 0:
        fail(name, f"unexpected PNG layout: depth {depth}, colour type {colour_type}")
    channels = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[at]
        line = bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                line[i] = (line[i] + paeth(left, up, corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check_png(name, data, width, height, colours):
    w, h, channels, rows = decode_png(name, data)
    if (w, h) != (width, height):
        fail(name, f"{w}x{h}, expected {width}x{height}")
    counts = {}
    for row in rows:
        for x in range(0, len(row), channels):
            pixel = (row[x], row[x + 1], row[x + 2])
            counts[pixel] = counts.get(pixel, 0) + 1
    if len(counts) < 20:
        fail(name, f"only {len(counts)} distinct colours")
    inked = w * h - counts.get((255, 255, 255), 0)
    if inked < 0.04 * w * h:
        fail(name, f"only {100 * inked / (w * h):.1f} % of the pixels are not white")
    for colour in colours:
        rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        if not any(all(abs(p[i] - rgb[i]) <= 2 for i in range(3)) for p in counts):
            fail(name, f"no pixel of {colour}")
    return "png"


def check_pdf(name, data, width, height):
    if not data.startswith(b"%PDF-"):
        fail(name, "no %PDF- header")
    if not data.rstrip().endswith(b"%%EOF"):
        fail(name, "no %%EOF trailer")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([0-9. ]+)\]", data)
    if len(boxes) != 1:
        fail(name, f"{len(boxes)} MediaBox entries, expected one page")
    numbers = [float(v) for v in boxes[0].split()]
    if numbers != [0, 0, width, height]:
        fail(name, f"MediaBox {numbers}, expected [0, 0, {width}, {height}]")
    return "pdf"


def main():
    path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    colours = sys.argv[4:]
    name = path.split("/")[-1]
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".svg"):
        kind = check_svg(name, data, width, height)
    elif path.endswith(".png"):
        kind = check_png(name, data, width, height, colours)
    else:
        kind = check_pdf(name, data, width, height)
    print(f"{name}: {kind} {width}x{height} ok")


main()
