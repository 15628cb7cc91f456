#!/usr/bin/env bash
# certportal: what certportal_pki + Mbed TLS add to a wasm module (gzip -9), at -Os and -O3, and
# what the TLS handshake (wasm/core/tls, Mbed TLS's TLS library) adds on top.
#   tools/bench_pki_size.sh
# Builds tools/bench_pki_size.cpp in build/pki-size-<opt> (emcc; its own trees, not the presets'),
# once with every pki entry point and once empty (libc baseline); prints both and the difference.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
export NODE_PATH=/usr/share/nodejs
for opt in Os O3; do
  dir=build/pki-size-$opt
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-$opt -DNDEBUG" -DCMAKE_CXX_FLAGS_RELEASE="-$opt -DNDEBUG" \
      -DCERTPORTAL_BUILD_BUNDLE=OFF -DCERTPORTAL_BUILD_TESTS=OFF >/dev/null
  fi
  cmake --build "$dir" -j 2 --target pki_size_probe pki_size_probe_empty pki_size_probe_worker tls_size_probe >/dev/null
  full=$(gzip -9c "$dir/wasm/core/pki/pki_size_probe.wasm" | wc -c)
  empty=$(gzip -9c "$dir/wasm/core/pki/pki_size_probe_empty.wasm" | wc -c)
  raw_full=$(wc -c <"$dir/wasm/core/pki/pki_size_probe.wasm")
  raw_empty=$(wc -c <"$dir/wasm/core/pki/pki_size_probe_empty.wasm")
  worker=$(gzip -9c "$dir/wasm/core/pki/pki_size_probe_worker.wasm" | wc -c)
  raw_worker=$(wc -c <"$dir/wasm/core/pki/pki_size_probe_worker.wasm")
  printf -- "-%s  all pki entry points: %7d B wasm, %6d B gzip | empty: %6d B wasm, %5d B gzip | pki+Mbed TLS: %7d B wasm, %6d B gzip\n" \
    "$opt" "$raw_full" "$full" "$raw_empty" "$empty" $((raw_full - raw_empty)) $((full - empty))
  printf -- "-%s  worker (keygen + CSR only): %7d B wasm, %6d B gzip\n" "$opt" "$raw_worker" "$worker"
  tls=$(gzip -9c "$dir/wasm/core/tls/tls_size_probe.wasm" | wc -c)
  raw_tls=$(wc -c <"$dir/wasm/core/tls/tls_size_probe.wasm")
  printf -- "-%s  pki + one TLS handshake and capture: %7d B wasm, %6d B gzip | the TLS code: %7d B wasm, %6d B gzip\n" \
    "$opt" "$raw_tls" "$tls" $((raw_tls - raw_full)) $((tls - full))
done
