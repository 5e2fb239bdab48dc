"""Write static/favicon.ico: a speech bubble with lines of text, in the site's accent colour.

No image library: the pixels are drawn here, packed as PNG (zlib) and wrapped in an ICO file
(16 and 32 px). Run again after changing the drawing: python scripts/make-favicon.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

ACCENT = (0x1A, 0x4F, 0x9C, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def draw(n: int) -> list[list[tuple[int, int, int, int]]]:
    s = n / 32
    px = [[CLEAR] * n for _ in range(n)]
    r = 5 * s
    for y in range(n):
        for x in range(n):
            cx, cy = x + 0.5, y + 0.5
            # the bubble: a rounded rectangle from (2,3) to (30,24), and a tail at its lower left
            x0, y0, x1, y1 = 2 * s, 3 * s, 30 * s, 24 * s
            dx = max(x0 + r - cx, 0, cx - (x1 - r))
            dy = max(y0 + r - cy, 0, cy - (y1 - r))
            inside = x0 <= cx <= x1 and y0 <= cy <= y1 and dx * dx + dy * dy <= r * r
            tail = 7 * s <= cx <= 14 * s and 23 * s <= cy <= 29 * s and (cx - 7 * s) <= (29 * s - cy) * 1.2
            if inside or tail:
                px[y][x] = ACCENT
    for top, right in ((8, 25), (12.5, 25), (17, 19)):  # three lines of text
        for y in range(round(top * s), round((top + 2.5) * s)):
            for x in range(round(7 * s), round(right * s)):
                px[y][x] = WHITE
    return px


def png(px) -> bytes:
    h, w = len(px), len(px[0])
    raw = b"".join(b"\x00" + b"".join(bytes(p) for p in row) for row in px)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def ico(images: list[tuple[int, bytes]]) -> bytes:
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, blob in images:
        entries += struct.pack(
            "<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset + len(data)
        )
        data += blob
    return head + entries + data


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "static" / "favicon.ico"
    out.write_bytes(ico([(n, png(draw(n))) for n in (16, 32)]))
    print(f"{out}: {out.stat().st_size} bytes")
