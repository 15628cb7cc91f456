#!/usr/bin/env python3
"""The screens read the bank only through what portal/ exposes (portal/bank_view.h, the flows'
and the session's accessors): no file of wasm/ui/ includes bank/bank.h, names a `Bank&` or
`Bank*`, or asks anything for its `bank()`, so no screen calls a Bank member function and a
domain question (a count, a status, a code) is answered once, in core (docs/architecture.md,
"Rules that keep the layers visible"). Comments are fine.

usage: check_ui_reads_portal.py REPO_ROOT
"""
import pathlib
import re
import sys

import source_check

RULES = [
    (re.compile(r'#\s*include\s*[<"]bank/bank\.h[">]'), "includes bank/bank.h"),
    (re.compile(r"\bBank\s*(?:const\s*)?[&*]"), "holds a Bank (read a BankView: portal/bank_view.h)"),
    (re.compile(r"(?:\.|->)\s*bank\s*\(\s*\)"), "asks for the Bank (read bank_view() instead)"),
]


def offending(path: pathlib.Path) -> list[str]:
    stripped = source_check.without_comments(path)
    return [f"{path}:{source_check.line_of(stripped, m.start())}: {what}: {m.group(0)}"
            for pattern, what in RULES for m in pattern.finditer(stripped)]


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    files = sorted([*root.glob("wasm/ui/**/*.cpp"), *root.glob("wasm/ui/**/*.h")])
    # The control: each rule catches what it is for; a comment does not count.
    control = ('#include "bank/bank.h"\nvoid f(const Bank& b, const Bank* p) { b.state(); flow.bank().now(); }\n'
               "// a comment may say flow.bank() and const Bank&\n")
    return source_check.run(root, files, offending, control, 4, "a screen holding a Bank was not detected",
                            "Screens read what portal/ exposes (portal/bank_view.h); a new question of the bank "
                            "is answered there, in core.")


if __name__ == "__main__":
    sys.exit(main())
