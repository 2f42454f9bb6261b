#!/usr/bin/env python3
"""Render a terminal capture with colours (`tmux capture-pane -e -p`) to PNG.

Usage: ansi_to_png.py CAPTURE.txt OUT.png [--cols N]

Needs Pillow, Noto Sans Mono (Debian: fonts-noto-mono) for letters, whose
Vietnamese tone marks stack properly, and DejaVu Sans Mono (fonts-dejavu-core)
for box drawing and symbols.
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono"
NOTO = "/usr/share/fonts/truetype/noto/NotoSansMono"
SIZE = 16
BG = (30, 30, 36)
FG = (212, 212, 212)
# The 16 ANSI colours of a common dark palette.
PALETTE = [
    (40, 42, 54), (255, 85, 85), (80, 250, 123), (241, 250, 140),
    (98, 114, 164), (255, 121, 198), (139, 233, 253), (191, 191, 191),
    (98, 114, 164), (255, 110, 110), (105, 255, 148), (255, 255, 165),
    (125, 145, 210), (255, 146, 223), (164, 255, 255), (255, 255, 255),
]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def xterm256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def parse(text):
    """Lines of (char, style) cells; style is a dict of attributes."""
    lines = []
    for raw in text.split("\n"):
        style = {}
        cells = []
        pos = 0
        for m in SGR.finditer(raw):
            for ch in raw[pos:m.start()]:
                cells.append((ch, dict(style)))
            pos = m.end()
            params = [int(p) if p else 0 for p in m.group(1).split(";")] if m.group(1) else [0]
            i = 0
            while i < len(params):
                p = params[i]
                if p == 0:
                    style = {}
                elif p in (1, 2, 3, 4, 7):
                    style[{1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse"}[p]] = True
                elif p in (22, 23, 24, 27):
                    for k in {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",), 27: ("reverse",)}[p]:
                        style.pop(k, None)
                elif 30 <= p <= 37 or 90 <= p <= 97:
                    style["fg"] = PALETTE[p - 30 if p < 90 else p - 90 + 8]
                elif 40 <= p <= 47 or 100 <= p <= 107:
                    style["bg"] = PALETTE[p - 40 if p < 100 else p - 100 + 8]
                elif p in (38, 48) and i + 1 < len(params):
                    key = "fg" if p == 38 else "bg"
                    if params[i + 1] == 5 and i + 2 < len(params):
                        style[key] = xterm256(params[i + 2])
                        i += 2
                    elif params[i + 1] == 2 and i + 4 < len(params):
                        style[key] = tuple(params[i + 2:i + 5])
                        i += 4
                elif p == 39:
                    style.pop("fg", None)
                elif p == 49:
                    style.pop("bg", None)
                i += 1
        for ch in raw[pos:]:
            cells.append((ch, dict(style)))
        lines.append(cells)
    while lines and not lines[-1]:
        lines.pop()
    return lines


# Box-drawing characters as (up, down, left, right) line weights, drawn as
# lines so borders join across rows whatever the font's line height.
BOX = {
    "─": (0, 0, 1, 1), "━": (0, 0, 2, 2), "│": (1, 1, 0, 0), "┃": (2, 2, 0, 0),
    "┌": (0, 1, 0, 1), "┐": (0, 1, 1, 0), "└": (1, 0, 0, 1), "┘": (1, 0, 1, 0),
    "┏": (0, 2, 0, 2), "┓": (0, 2, 2, 0), "┗": (2, 0, 0, 2), "┛": (2, 0, 2, 0),
    "║": (2, 2, 0, 0), "█": None,
}


def box(draw, c, px, py, cw, ch, fg):
    if BOX[c] is None:
        draw.rectangle([px, py, px + cw - 1, py + ch - 1], fill=fg)
        return
    up, down, left, right = BOX[c]
    cx, cy = px + cw // 2, py + ch // 2
    for weight, (x0, y0, x1, y1) in (
        (up, (cx, py, cx, cy)), (down, (cx, cy, cx, py + ch)),
        (left, (px, cy, cx, cy)), (right, (cx, cy, px + cw, cy)),
    ):
        if weight:
            draw.line([x0, y0, x1, y1], fill=fg, width=1 if weight == 1 else 3)


def render(lines, cols, out):
    def load(base, bold, italic):
        suffix = {(False, False): "", (True, False): "-Bold", (False, True): "-Oblique", (True, True): "-BoldOblique"}
        if base == NOTO:
            suffix = {(False, False): "-Regular", (True, False): "-Bold", (False, True): "-Regular", (True, True): "-Bold"}
        return ImageFont.truetype(base + suffix[(bold, italic)] + ".ttf", SIZE)

    fonts = {(b, i, sym): load(DEJAVU if sym else NOTO, b, i) for b in (False, True) for i in (False, True) for sym in (False, True)}
    cw = round(fonts[(False, False, False)].getlength("M"))
    ch = SIZE + 5
    pad = 12
    img = Image.new("RGB", (cols * cw + 2 * pad, len(lines) * ch + 2 * pad), BG)
    draw = ImageDraw.Draw(img)
    for y, cells in enumerate(lines):
        x = 0
        for c, s in cells:
            width = 2 if unicodedata.east_asian_width(c) in "WF" else 1
            fg, bg = s.get("fg", FG), s.get("bg", BG)
            if s.get("reverse"):
                fg, bg = bg, fg
            if s.get("dim"):
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            px, py = pad + x * cw, pad + y * ch
            if bg != BG:
                draw.rectangle([px, py, px + width * cw - 1, py + ch - 1], fill=bg)
            symbol = 0x2190 <= ord(c) <= 0x2BFF
            font = fonts[(bool(s.get("bold")), bool(s.get("italic")), symbol)]
            if c in BOX:
                box(draw, c, px, py, cw, ch, fg)
            elif c.strip():
                draw.text((px, py + 2), c, font=font, fill=fg)
            if s.get("underline"):
                draw.line([px, py + ch - 3, px + width * cw - 1, py + ch - 3], fill=fg)
            x += width
    img.save(out)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    text = open(sys.argv[1], encoding="utf-8").read()
    lines = parse(text)
    cols = int(sys.argv[sys.argv.index("--cols") + 1]) if "--cols" in sys.argv else max(len(l) for l in lines)
    render(lines, cols, sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
