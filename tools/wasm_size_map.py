#!/usr/bin/env python3
"""The wasm size map: which part of the code owns which bytes of a WebAssembly module.

    tools/wasm_size_map.py --build build/wasm                 # report on both modules (Markdown)
    tools/wasm_size_map.py --build build/wasm --check FILE    # and fail when a budget is exceeded

For each module in the bundle (dist/certportal.wasm, the page's; dist/keyworker_module.wasm, the key
worker's) it reads:
  - the module itself: the size of each section, and of each function body in the code section;
  - the symbol map the link writes (--emit-symbol-map, moved to symbols/ in the build tree:
    `index:name`, the function names of the final, optimised module), so that each body has a name;
  - the static libraries of the build tree (emnm, Emscripten's llvm-nm): which library defines each name. A function
    defined in exactly one of the project's libraries (or Mbed TLS's, or Dear ImGui's) belongs to
    it; one defined in several (inline functions and templates instantiated in each) is counted as
    "several libraries"; one defined in none is the C/C++ runtime and Emscripten's glue.
  - the precompressed files beside it (.br, .gz), for what travels over the network.

Brotli and gzip compress the module as a whole, so the per-library figures are bytes of code as
the module holds them (uncompressed); the budget (--check) is on the module's brotli size, which is
what a first visit downloads. The budget file is JSON: {"certportal.wasm": {"brotli_max": N,
"goal": M, "why": "..."}, ...}. Nothing here runs at build time: the ctest case wasm.size_budget
runs --check after the bundle is built.
"""
import argparse
import json
import os
import re
import subprocess
import sys

MODULES = ["certportal.wasm", "keyworker_module.wasm"]


def read_leb(data, pos):
    result, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def read_module(path):
    """Section sizes by name, the number of imported functions, and each function body's size."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\0asm":
        raise SystemExit(f"wasm_size_map: {path} is not a WebAssembly module")
    names = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
             7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}
    sections, imported_functions, bodies = {}, 0, []
    pos = 8
    while pos < len(data):
        section_id = data[pos]
        size, body = read_leb(data, pos + 1)
        end = body + size
        name = names.get(section_id, f"section {section_id}")
        if section_id == 0:
            name_len, p = read_leb(data, body)
            name = "custom: " + data[p:p + name_len].decode("utf-8", "replace")
        sections[name] = sections.get(name, 0) + (end - pos)
        if section_id == 2:  # count the imported functions: the code section's bodies come after them
            count, p = read_leb(data, body)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    n, p = read_leb(data, p)
                    p += n
                kind = data[p]
                p += 1
                if kind == 0:
                    imported_functions += 1
                    _, p = read_leb(data, p)
                elif kind == 1:  # table: element type, limits
                    p += 1
                    flags, p = read_leb(data, p)
                    _, p = read_leb(data, p)
                    if flags & 1:
                        _, p = read_leb(data, p)
                elif kind == 2:  # memory: limits
                    flags, p = read_leb(data, p)
                    _, p = read_leb(data, p)
                    if flags & 1:
                        _, p = read_leb(data, p)
                elif kind == 3:  # global: type, mutability
                    p += 2
                else:
                    raise SystemExit(f"wasm_size_map: {path}: unknown import kind {kind}")
        if section_id == 10:
            count, p = read_leb(data, body)
            for _ in range(count):
                n, q = read_leb(data, p)
                bodies.append(q + n - p)
                p = q + n
        pos = end
    return sections, imported_functions, bodies, len(data)


def unescape(name):
    # The symbol map escapes characters that are not allowed in wasm names as \XX (hex).
    return re.sub(r"\\([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), name)


def read_symbols(path):
    names = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            index, _, name = line.rstrip("\n").partition(":")
            if index.isdigit():
                names[int(index)] = unescape(name)
    return names


def library_label(path):
    name = os.path.basename(path)[3:-2]  # libcertportal_bank.a -> certportal_bank
    if name.startswith("mbed") or "everest" in name or "p256m" in name:
        return "Mbed TLS (" + name + ")"
    if name == "imgui":
        return "Dear ImGui"
    return name


# The executables' own objects (wasm/platform: the page's and the worker's main sources).
EXECUTABLE_OBJECTS = {"certportal.dir": "platform (the page)", "certportal_keyworker.dir": "platform (key worker)"}


def read_libraries(build):
    """Demangled name -> set of labels (library, or platform code) that define it (functions only)."""
    labels = {}  # file -> label
    for root, dirs, files in os.walk(build):
        label = EXECUTABLE_OBJECTS.get(os.path.basename(root))
        if label:
            for r, _, fs in os.walk(root):
                labels.update({os.path.join(r, f): label for f in fs if f.endswith(".o")})
            dirs[:] = []
        else:
            dirs[:] = [d for d in dirs if d != "CMakeFiles" or root.endswith("platform")]
            labels.update({os.path.join(root, f): library_label(f) for f in files
                           if f.startswith("lib") and f.endswith(".a")})
    # One emnm for all files (each call starts Python); -A: every line starts "file[:member]: ".
    out = subprocess.run(["emnm", "--defined-only", "-C", "-A", *labels], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"wasm_size_map: emnm failed: {out.stderr.strip()}")
    owners = {}
    for line in out.stdout.splitlines():
        where, _, symbol = line.partition(": ")
        parts = symbol.split(" ", 2)
        label = labels.get(where.split(":")[0])
        if label and len(parts) == 3 and parts[1] in ("T", "t", "W", "w"):
            owners.setdefault(parts[2], set()).add(label)
    return owners


def owner_of(name, owners):
    found = owners.get(name)
    if not found:
        return "runtime (libc, libc++, Emscripten)"
    if len(found) == 1:
        return next(iter(found))
    return "several libraries (inline, templates)"


def file_size(path):
    return os.path.getsize(path) if os.path.exists(path) else None


def report(build, owners):
    dist = os.path.join(build, "dist")
    lines, sizes = [], {}
    for module in MODULES:
        wasm = os.path.join(dist, module)
        symbols = os.path.join(build, "symbols", module.replace(".wasm", ".js.symbols"))
        if not os.path.exists(wasm):
            raise SystemExit(f"wasm_size_map: {wasm} is missing: build the bundle first")
        if not os.path.exists(symbols):
            raise SystemExit(f"wasm_size_map: {symbols} is missing: the link needs --emit-symbol-map")
        sections, imports, bodies, total = read_module(wasm)
        names = read_symbols(symbols)
        brotli, gzip = file_size(wasm + ".br"), file_size(wasm + ".gz")
        sizes[module] = {"raw": total, "brotli": brotli, "gzip": gzip}
        by_owner, top = {}, []
        for i, size in enumerate(bodies):
            name = names.get(imports + i, f"(function {imports + i})")
            owner = owner_of(name, owners)
            count, total_bytes = by_owner.get(owner, (0, 0))
            by_owner[owner] = (count + 1, total_bytes + size)
            top.append((size, name, owner))
        code = sum(bodies)
        lines.append(f"### {module}: {total:,} B raw, {gzip:,} B gzip, {brotli:,} B brotli")
        lines.append("")
        lines.append("| section | bytes | share |")
        lines.append("|---|---:|---:|")
        for name, size in sorted(sections.items(), key=lambda kv: -kv[1]):
            lines.append(f"| {name} | {size:,} | {100.0 * size / total:.1f} % |")
        lines.append("")
        lines.append(f"Code by the library that defines it ({len(bodies):,} functions, {code:,} B of code):")
        lines.append("")
        lines.append("| library | functions | code bytes | share of code |")
        lines.append("|---|---:|---:|---:|")
        for owner, (count, size) in sorted(by_owner.items(), key=lambda kv: -kv[1][1]):
            lines.append(f"| {owner} | {count:,} | {size:,} | {100.0 * size / code:.1f} % |")
        lines.append("")
        lines.append("The largest functions:")
        lines.append("")
        lines.append("| bytes | function | library |")
        lines.append("|---:|---|---|")
        for size, name, owner in sorted(top, reverse=True)[:12]:
            short = name if len(name) <= 90 else name[:87] + "..."
            lines.append(f"| {size:,} | `{short}` | {owner} |")
        lines.append("")
    return "\n".join(lines), sizes


def check(sizes, budget_path):
    with open(budget_path, encoding="utf-8") as f:
        budget = json.load(f)
    failures = []
    for module, rule in budget.items():
        if module not in sizes:
            failures.append(f"{module}: in the budget but not in the bundle")
            continue
        brotli = sizes[module]["brotli"]
        if brotli is None:
            failures.append(f"{module}: no precompressed .br beside it")
        elif brotli > rule["brotli_max"]:
            failures.append(f"{module}: {brotli:,} B brotli, over its budget of {rule['brotli_max']:,} B "
                            f"(goal {rule['goal']:,} B: {rule['why']}). Move what the first frame does not need "
                            f"out of it, or raise the budget in {budget_path} with the reason in docs/perf.md.")
        else:
            print(f"{module}: {brotli:,} B brotli, within its budget of {rule['brotli_max']:,} B "
                  f"({rule['brotli_max'] - brotli:,} B left; goal {rule['goal']:,} B)")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", required=True, help="the wasm build tree (holds dist/ and the libraries)")
    parser.add_argument("--check", metavar="BUDGET", help="budget file: exit 1 when a module is over it")
    parser.add_argument("--quiet", action="store_true", help="with --check: only the verdict, not the map")
    args = parser.parse_args()
    text, sizes = report(args.build, read_libraries(args.build))
    if not args.quiet:
        print(text)
    if args.check:
        failures = check(sizes, args.check)
        for f in failures:
            print("wasm_size_map: " + f, file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
