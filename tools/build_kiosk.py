#!/usr/bin/env python3
"""Builds the single-file kiosk page: certportal-kiosk.html, which opens from disk (file://) with
no server and no network, from the assembled bundle (build/wasm/dist, tools/package_web.py).

What it holds: index.html with app.css and the favicon inlined, the module's glue and the loader as
inline scripts, and every file the loader and the key worker would download (the wasm modules,
both fonts, brand.json, bundle.json, the worker's scripts) as base64 data blocks
<script type="application/octet-stream" data-file="name">, which web/loader.js reads instead of
fetching. The Content-Security-Policy is a meta tag: the inline scripts and the style by SHA-256
hash, wasm compilation, blob workers (the key worker, web/loader.js startKeyWorker), nothing else.

usage: build_kiosk.py --dist DIR --out FILE
"""
import argparse
import base64
import hashlib
import pathlib
import sys

# Carried as data: everything web/loader.js would otherwise fetch (the key worker's three files too).
EMBEDDED = ["certportal.wasm", "fonts/ui.ttf", "fonts/text.ttf", "brand.json", "bundle.json",
            "keyworker.js", "keyworker_module.js", "keyworker_module.wasm"]


class KioskError(Exception):
    pass


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def replace_once(page: str, old: str, new: str) -> str:
    if page.count(old) != 1:
        raise KioskError(f"index.html: expected exactly one {old!r}")
    return page.replace(old, new)


def inline_script(source: str, name: str) -> str:
    # An inline script ends at the first "</script": the source must not contain one (rewriting
    # it would change the hash the CSP allows and could change the program).
    if "</script" in source.lower():
        raise KioskError(f"{name} contains '</script' and cannot be inlined")
    return f"<script>{source}</script>"


def build(dist: pathlib.Path) -> str:
    def read_text(name: str) -> str:
        path = dist / name
        if not path.is_file():
            raise KioskError(f"{path} is missing (build the wasm preset first)")
        return path.read_text(encoding="utf-8")

    page = read_text("index.html")
    style = read_text("app.css")
    glue = read_text("certportal.js")
    loader = read_text("loader.js")
    favicon = base64.b64encode((dist / "favicon.svg").read_bytes()).decode()

    # The example bank profiles (web/profiles/), so that the kiosk page's ?profile=NAME works offline.
    profiles = sorted("profiles/" + p.name for p in (dist / "profiles").glob("*.json"))
    blocks = []
    for name in EMBEDDED + profiles:
        path = dist / name
        if not path.is_file():
            raise KioskError(f"{path} is missing (build the wasm preset first)")
        data = base64.b64encode(path.read_bytes()).decode()
        blocks.append(f'<script type="application/octet-stream" data-file="{name}">{data}</script>')

    csp = ("default-src 'none'; "
           f"script-src {csp_hash(glue)} {csp_hash(loader)} 'wasm-unsafe-eval'; "
           f"style-src {csp_hash(style)}; img-src data:; worker-src blob:; "
           "object-src 'none'; base-uri 'none'; form-action 'none'")
    page = replace_once(page, '<meta charset="utf-8">',
                        f'<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="{csp}">')
    page = replace_once(page, '<link rel="icon" href="favicon.svg" type="image/svg+xml">',
                        f'<link rel="icon" href="data:image/svg+xml;base64,{favicon}" type="image/svg+xml">')
    page = replace_once(page, '<link rel="stylesheet" href="app.css">', f"<style>{style}</style>")
    page = replace_once(page, '<script src="loader.js" defer></script>\n', "")
    # The glue defines createCertportal; the data blocks precede the loader, which reads them.
    tail = "\n".join([inline_script(glue, "certportal.js"), *blocks, inline_script(loader, "loader.js")])
    return replace_once(page, "</body>", tail + "\n</body>")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    args = ap.parse_args()
    try:
        page = build(args.dist)
    except KioskError as e:
        print(f"build_kiosk: {e}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(args.out)
    print(f"build_kiosk: {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
