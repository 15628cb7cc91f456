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

LITERAL = re.compile(r'''"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*\'''')
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def offending(path: pathlib.Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    problems = []
    # Blank out comments but keep line numbers.
    stripped = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for m in LITERAL.finditer(stripped):
        if any(ord(c) > 0x7E for c in m.group(0)):
            line = stripped.count("\n", 0, m.start()) + 1
            problems.append(f"{path}:{line}: non-ASCII literal {m.group(0)}")
    return problems


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    files = sorted([*root.glob("wasm/ui/**/*.cpp"), *root.glob("wasm/ui/**/*.h"), *root.glob("wasm/platform/**/*.cpp")])
    problems = [p for f in files for p in offending(f)]
    # Negative control: the checker must see a literal like the one that slipped through.
    control = pathlib.Path(root / "build" / "ui_text_control.cpp")
    control.parent.mkdir(exist_ok=True)
    control.write_text('std::snprintf(b, n, "%d年", y); // 年 in a comment is fine\n', encoding="utf-8")
    caught = len(offending(control)) == 1
    control.unlink()
    for p in problems:
        print(p)
    if not caught:
        print("FAIL negative control: a non-ASCII literal was not detected")
    print(f"{len(files)} files checked: {'0 failed' if not problems and caught else 'FAILED'}")
    return 0 if not problems and caught else 1


if __name__ == "__main__":
    sys.exit(main())
