"""What the source checks of tests/ui share: read a file with its comments blanked out (line
numbers kept), run a check over a set of files with a negative control (the check must catch a
sample of what it is for, or it passes nothing), and report.
"""
import pathlib
import re
from typing import Callable

COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def without_comments(path: pathlib.Path) -> str:
    text = path.read_text(encoding="utf-8")
    return COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def run(root: pathlib.Path, files: list[pathlib.Path], offending: Callable[[pathlib.Path], list[str]],
        control: str, control_problems: int, control_missed: str, advice: str = "") -> int:
    """0 when no file offends and the control (a file holding `control`) shows `control_problems`."""
    problems = [p for f in files for p in offending(f)]
    sample = pathlib.Path(root / "build" / "source_check_control.cpp")
    sample.parent.mkdir(exist_ok=True)
    sample.write_text(control, encoding="utf-8")
    caught = len(offending(sample)) == control_problems
    sample.unlink()
    for p in problems:
        print(p)
    if not caught:
        print(f"FAIL negative control: {control_missed}")
    if problems and advice:
        print(advice)
    print(f"{len(files)} files checked: {'0 failed' if not problems and caught else 'FAILED'}")
    return 0 if not problems and caught else 1
