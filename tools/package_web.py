#!/usr/bin/env python3
"""Assembles the web bundle (build/wasm/dist): copies web/ files, writes bundle.json and precompressed
.gz and .br beside every compressible file, which serve.py sends when the browser accepts them.

bundle.json: the decoded sizes the loader's progress bar counts ("files"), and for the service
worker (web/sw.js) the bundle's version and the SHA-256 of every file it caches ("precache": on
its install, every file a visit uses). The version is a digest of all of them and is written into
the dist's sw.js too, so a new deployment is a new service worker and a new cache.

usage: package_web.py --web DIR --dist DIR [--stamp FILE]
"""
import argparse
import hashlib
import gzip
import json
import pathlib
import re
import shutil
import subprocess
import sys

WEB_FILES = ["index.html", "app.css", "loader.js", "keyworker.js", "favicon.svg", "brand.json", "sw.js"]
# The example bank profiles (web/profiles/*.json, a link's ?profile=NAME): copied and precached
# like the rest, so that a profile's link works offline once the page was visited.
PROFILES_DIR = "profiles"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".wasm", ".ttf"}
# Files the loader downloads, with their decoded sizes in bundle.json.
MANIFEST = ["certportal.wasm", "certportal.js", "fonts/ui.ttf", "fonts/text.ttf", "keyworker_module.wasm", "keyworker_module.js"]
# What the service worker keeps: everything a visit uses (sw.js itself is the update check).
PRECACHE = [n for n in WEB_FILES if n not in ("sw.js",)] + MANIFEST
SW_VERSION_LINE = re.compile(r"^const VERSION = '[^']*';", re.MULTILINE)


def compress(path: pathlib.Path) -> None:
    data = path.read_bytes()
    gz = path.with_name(path.name + ".gz")
    if not gz.exists() or gz.stat().st_mtime < path.stat().st_mtime:
        gz.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    br = path.with_name(path.name + ".br")
    if shutil.which("brotli") and (not br.exists() or br.stat().st_mtime < path.stat().st_mtime):
        subprocess.run(["brotli", "-f", "-q", "11", str(path), "-o", str(br)], check=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--web", required=True, type=pathlib.Path)
    ap.add_argument("--dist", required=True, type=pathlib.Path)
    ap.add_argument("--stamp", type=pathlib.Path)
    args = ap.parse_args()
    args.dist.mkdir(parents=True, exist_ok=True)
    profiles = sorted(f"{PROFILES_DIR}/{p.name}" for p in (args.web / PROFILES_DIR).glob("*.json"))
    (args.dist / PROFILES_DIR).mkdir(exist_ok=True)
    for stale in (args.dist / PROFILES_DIR).glob("*.json"):  # a profile removed from web/ leaves the bundle
        if f"{PROFILES_DIR}/{stale.name}" not in profiles:
            stale.unlink()
    for name in WEB_FILES + profiles:
        src = args.web / name
        if not src.exists():
            print(f"package_web: {src} is missing", file=sys.stderr)
            return 1
        shutil.copy2(src, args.dist / name)
    precache = PRECACHE + profiles
    missing = [m for m in MANIFEST if not (args.dist / m).exists()]
    if missing:
        print(f"package_web: build outputs missing in {args.dist}: {', '.join(missing)}", file=sys.stderr)
        return 1
    sha = {n: hashlib.sha256((args.dist / n).read_bytes()).hexdigest() for n in precache}
    version = hashlib.sha256("".join(f"{n}:{sha[n]}\n" for n in sorted(sha)).encode()).hexdigest()[:16]
    manifest = {
        "version": version,
        "files": {m: (args.dist / m).stat().st_size for m in MANIFEST},
        "precache": {n: sha[n] for n in precache},
    }
    sw = args.dist / "sw.js"
    text, count = SW_VERSION_LINE.subn(f"const VERSION = '{version}';", sw.read_text(encoding="utf-8"))
    if count != 1:
        print("package_web: web/sw.js has no `const VERSION = '...';` line to fill in", file=sys.stderr)
        return 1
    sw.write_text(text, encoding="utf-8")
    (args.dist / "bundle.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    for path in sorted(args.dist.rglob("*")):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            compress(path)
    if args.stamp:
        args.stamp.write_text("ok\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
