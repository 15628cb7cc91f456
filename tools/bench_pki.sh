#!/usr/bin/env bash
# certportal: PKI benchmark, native Mbed TLS and wasm Mbed TLS under Node, side by side.
#   tools/bench_pki.sh [runs] [fixed]   (default 30 runs; `fixed`: deterministic seed, see bench_pki.cpp)
# Builds target bench_pki in build/bench-native and build/bench-wasm (presets bench-native and
# bench-wasm: Release, like the bundle; the test trees are sanitized or -O1).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
runs=${1:-30}
mode=${2:-}
export NODE_PATH=/usr/share/nodejs
for preset in bench-native bench-wasm; do
  [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
  cmake --build "build/$preset" -j 2 --target bench_pki >/dev/null
done
echo "== native (g++ $(g++ -dumpversion), Mbed TLS, wasm/core/pki/mbedtls_config.h)"
build/bench-native/wasm/core/pki/bench_pki "$runs" $mode
echo "== wasm under Node $(node --version) (emcc, Release)"
node --no-experimental-fetch build/bench-wasm/wasm/core/pki/bench_pki.js "$runs" $mode
