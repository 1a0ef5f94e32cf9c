#!/usr/bin/env python3
"""Draws assets/logo-default.png, the neutral logo printed on certificates until the
administration chooses its own: a compass rose in a double ring (a pilot's instrument,
no coat of arms). Pure Python (zlib only): signed distances, one pixel of anti-aliasing.
Run once: python3 assets/logo-default.py assets/logo-default.png"""
import math, struct, sys, zlib

SIZE = 600
C = SIZE / 2
K = SIZE / 640  # the drawing below is in units of a 640-pixel square
NAVY = (31, 58, 95)
STEEL = (104, 140, 178)

def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    qx, qy = ax + t * dx - px, ay + t * dy - py
    return math.hypot(qx, qy)

def inside(px, py, poly):
    c = False
    n = len(poly)
    for i in range(n):
        ax, ay = poly[i]
        bx, by = poly[(i + 1) % n]
        if (ay > py) != (by > py):
            x = ax + (py - ay) * (bx - ax) / (by - ay)
            if px < x:
                c = not c
    return c

def polygon(poly, colour):
    xs = [p[0] for p in poly]; ys = [p[1] for p in poly]
    box = (min(xs) - 2, min(ys) - 2, max(xs) + 2, max(ys) + 2)
    def cover(px, py):
        d = min(seg_dist(px, py, *poly[i], *poly[(i + 1) % len(poly)]) for i in range(len(poly)))
        if inside(px, py, poly):
            d = -d
        return max(0.0, min(1.0, 0.5 - d))
    return box, cover, colour

def ring(r, width, colour):
    r, width = r * K, width * K
    box = (C - r - width, C - r - width, C + r + width, C + r + width)
    def cover(px, py):
        d = abs(math.hypot(px - C, py - C) - r) - width / 2
        return max(0.0, min(1.0, 0.5 - d))
    return box, cover, colour

def disc(r, colour):
    return ring(r / 2, r, colour)

def polar(angle, radius):
    radius *= K
    a = math.radians(angle - 90)
    return (C + radius * math.cos(a), C + radius * math.sin(a))

shapes = [ring(292, 16, NAVY), ring(262, 5, NAVY)]
# Ticks every 15 degrees between the rings, longer at the cardinal points.
for k in range(24):
    angle = k * 15
    inner = 264 if k % 6 == 0 else 270
    half = (3.2 if k % 6 == 0 else 2.0) * K
    if k % 6 == 0:
        continue
    a, b = polar(angle - 0.0, inner), polar(angle, 283)
    nx, ny = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    shapes.append(polygon([(a[0] - nx * half, a[1] - ny * half), (b[0] - nx * half, b[1] - ny * half),
                           (b[0] + nx * half, b[1] + ny * half), (a[0] + nx * half, a[1] + ny * half)], NAVY))
# The rose: four long points and four short ones between them, each half dark, half light.
def point(angle, length, width, dark_first):
    tip = polar(angle, length)
    left = polar(angle - 90, width)
    right = polar(angle + 90, width)
    centre = (C, C)
    a = polygon([centre, tip, left], NAVY if dark_first else STEEL)
    b = polygon([centre, right, tip], STEEL if dark_first else NAVY)
    return [a, b]
for angle in (45, 135, 225, 315):
    shapes += point(angle, 168, 30, True)
for angle in (0, 90, 180, 270):
    shapes += point(angle, 250, 44, True)
shapes.append(disc(17, (255, 255, 255)))
shapes.append(ring(17, 5, NAVY))

pixels = [[(0.0, 0.0, 0.0, 0.0) for _ in range(SIZE)] for _ in range(SIZE)]
for (x0, y0, x1, y1), cover, (r, g, b) in shapes:
    for y in range(max(0, int(y0)), min(SIZE, int(y1) + 1)):
        row = pixels[y]
        for x in range(max(0, int(x0)), min(SIZE, int(x1) + 1)):
            a = cover(x + 0.5, y + 0.5)
            if a <= 0.0:
                continue
            pr, pg, pb, pa = row[x]
            na = a + pa * (1 - a)
            row[x] = ((r * a + pr * pa * (1 - a)) / na, (g * a + pg * pa * (1 - a)) / na,
                      (b * a + pb * pa * (1 - a)) / na, na)

# An indexed image (palette with transparency): the few colours and their edge blends,
# the alpha in 16 steps; a third of the size of RGBA.
def key(r, g, b, a):
    if a < 1 / 32:
        return (0, 0, 0, 0)
    return (round(r / 12) * 12, round(g / 12) * 12, round(b / 12) * 12, round(a * 15) * 17)

palette = {}
indices = bytearray()
for row in pixels:
    indices.append(0)
    for r, g, b, a in row:
        k = key(r, g, b, a)
        if k not in palette:
            palette[k] = len(palette)
        indices.append(palette[k])
assert len(palette) <= 256, len(palette)
entries = sorted(palette, key=palette.get)
plte = b"".join(bytes((min(255, r), min(255, g), min(255, b))) for r, g, b, _ in entries)
trns = bytes(min(255, a) for *_, a in entries)
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 3, 0, 0, 0))
png += chunk(b"PLTE", plte) + chunk(b"tRNS", trns)
png += chunk(b"IDAT", zlib.compress(bytes(indices), 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
print(len(png), "bytes")
