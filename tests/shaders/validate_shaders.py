#!/usr/bin/env python3
"""Validates every GLSL ES 3.00 shader of shaders/ with glslangValidator, and checks that the
validator really rejects a broken shader (so this test can fail).

usage: validate_shaders.py GLSLANG_VALIDATOR SHADER_DIR
"""
import pathlib
import subprocess
import sys
import tempfile

STAGES = {".vert": "vert", ".frag": "frag"}


def validate(validator: str, path: pathlib.Path) -> tuple[bool, str]:
    stage = STAGES[path.suffix]
    proc = subprocess.run([validator, "-S", stage, str(path)], capture_output=True, text=True)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def main() -> int:
    validator, shader_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    shaders = sorted(p for p in shader_dir.iterdir() if p.suffix in STAGES)
    if not shaders:
        print(f"no shaders found in {shader_dir}")
        return 1
    failed = 0
    for path in shaders:
        text = path.read_text(encoding="utf-8")
        if not text.startswith("#version 300 es"):
            print(f"FAIL {path.name}: must start with '#version 300 es' (WebGL2)")
            failed += 1
            continue
        ok, log = validate(validator, path)
        print(f"{'ok  ' if ok else 'FAIL'} {path.name}" + ("" if ok else f"\n{log}"))
        failed += 0 if ok else 1
    # Negative control: a shader with a type error must be rejected.
    with tempfile.TemporaryDirectory() as tmp:
        bad = pathlib.Path(tmp) / "bad.frag"
        bad.write_text("#version 300 es\nprecision mediump float;\nout vec4 c;\nvoid main() { c = 1; }\n")
        ok, _ = validate(validator, bad)
        if ok:
            print("FAIL negative control: the validator accepted a broken shader")
            failed += 1
        else:
            print("ok   negative control rejected")
    print(f"{len(shaders) + 1 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
