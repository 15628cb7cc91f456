#!/usr/bin/env python3
"""Builds the two font files of the bundle from BIZ UDPGothic (Debian fonts-morisawa-bizud-gothic).

  ui.ttf    every character of the UI string catalogue (wasm/core/text/strings.def) and of the
            bank profiles (web/brand.json, web/profiles/*.json: names and copy decks), plus ASCII, kana, full-width forms and common
            punctuation: small, loaded before the first frame.
  text.ttf  JIS X 0208 (levels 1 and 2 kanji, kana, symbols) plus ASCII: loaded when a text field is
            first focused, for what people type.

usage: font_subset.py --font TTF --catalogue strings.def --brand brand.json [profile.json...] --out-dir DIR
"""
import argparse
import json
import pathlib
import re
import sys

from fontTools import subset

# Characters every screen may need whatever the catalogue says (digits in amounts, IDs, dates).
BASE_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A5, 0x00A5), (0x00D7, 0x00D7), (0x00F7, 0x00F7),  # ¥ × ÷
    (0x2010, 0x2026),  # dashes, quotes, ellipsis
    (0x2190, 0x2193),  # arrows
    (0x25A0, 0x25CF),  # ■□▲△▼▽◆◇○◎●
    (0x3000, 0x303F),  # CJK punctuation 、。「」『』【】〜
    (0x3041, 0x3096), (0x309B, 0x309F),  # hiragana
    (0x30A0, 0x30FF),  # katakana
    (0xFF01, 0xFF5E),  # full-width ASCII forms
    (0xFF61, 0xFF9F),  # half-width katakana
]

LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def catalogue_chars(path: pathlib.Path) -> set[str]:
    chars: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("//"):
            continue
        for literal in LITERAL.findall(line):
            chars.update(bytes(literal, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8"))
    return chars


def brand_chars(path: pathlib.Path) -> set[str]:
    """Every character of a profile's string values (its names and its copy deck, at any depth)."""
    chars: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            chars.update(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(path.read_text(encoding="utf-8")))
    return chars


def jis_x_0208_chars() -> set[str]:
    # shift_jis is exactly JIS X 0201 + JIS X 0208 (cp932 would add vendor extensions).
    chars = set()
    for cp in range(0x20, 0x10000):
        ch = chr(cp)
        try:
            if len(ch.encode("shift_jis")) == 2:
                chars.add(ch)
        except UnicodeEncodeError:
            pass
    return chars


def ranges_chars() -> set[str]:
    return {chr(c) for lo, hi in BASE_RANGES for c in range(lo, hi + 1)}


def write_subset(font: pathlib.Path, chars: set[str], out: pathlib.Path) -> int:
    options = subset.Options()
    options.layout_features = ["kern", "palt", "vert", "liga"]
    options.name_IDs = ["*"]  # keep the names: the OFL asks for the copyright notice to travel along
    options.notdef_outline = True
    options.hinting = False   # ImGui's rasterizer (stb_truetype) does not use TrueType hinting
    options.desubroutinize = True
    ttfont = subset.load_font(str(font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(ttfont)
    tmp = out.with_suffix(".tmp")
    subset.save_font(ttfont, str(tmp), options)
    tmp.replace(out)  # atomic: an interrupted build never leaves half a font
    return out.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--font", required=True, type=pathlib.Path)
    ap.add_argument("--catalogue", required=True, type=pathlib.Path)
    ap.add_argument("--brand", required=True, type=pathlib.Path, nargs="+",
                    help="the bank profiles: web/brand.json and web/profiles/*.json")
    ap.add_argument("--out-dir", required=True, type=pathlib.Path)
    args = ap.parse_args()
    if not args.font.exists():
        print(f"font_subset: {args.font} is missing; run tools/setup.sh (package fonts-morisawa-bizud-gothic)", file=sys.stderr)
        return 1
    args.out_dir.mkdir(parents=True, exist_ok=True)
    base = ranges_chars()
    ui = base | catalogue_chars(args.catalogue) | set().union(*(brand_chars(b) for b in args.brand))
    text = base | jis_x_0208_chars() | ui
    ui_size = write_subset(args.font, ui, args.out_dir / "ui.ttf")
    text_size = write_subset(args.font, text, args.out_dir / "text.ttf")
    print(f"font_subset: ui.ttf {len(ui)} chars {ui_size} bytes; text.ttf {len(text)} chars {text_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
