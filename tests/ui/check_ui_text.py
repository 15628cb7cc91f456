#!/usr/bin/env python3
"""Every character a person reads comes from the string catalogue (wasm/core/text/strings.def) or
the brand file: the font subset is built from those two, so a Japanese literal in the screens'
code would draw as '?' (it happened: 月 in a date). This check fails on any non-ASCII character
in a string or character literal of wasm/ui/ and wasm/platform/ sources (comments are fine).

usage: check_ui_text.py REPO_ROOT
"""
import pathlib
import re
import sys

import source_check

LITERAL = re.compile(r'''"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*\'''')


def offending(path: pathlib.Path) -> list[str]:
    stripped = source_check.without_comments(path)
    return [f"{path}:{source_check.line_of(stripped, m.start())}: non-ASCII literal {m.group(0)}"
            for m in LITERAL.finditer(stripped) if any(ord(c) > 0x7E for c in m.group(0))]


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    files = sorted([*root.glob("wasm/ui/**/*.cpp"), *root.glob("wasm/ui/**/*.h"), *root.glob("wasm/platform/**/*.cpp")])
    # The control: a literal like the one that slipped through.
    return source_check.run(root, files, offending, 'std::snprintf(b, n, "%d年", y); // 年 in a comment is fine\n', 1,
                            "a non-ASCII literal was not detected")


if __name__ == "__main__":
    sys.exit(main())
