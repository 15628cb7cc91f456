#!/usr/bin/env bash
# certportal: long libFuzzer runs of the PKI parsers (wasm/core/pki), with clang + ASan + UBSan.
#
#   tools/fuzz.sh                 every target for 300 s (two at a time: the machine has 2 cores)
#   tools/fuzz.sh 60 crl keys     60 s, only those targets (certificate csr crl keys)
#
# Configures its own build tree, build/fuzz (CC=clang CXX=clang++, the whole library instrumented
# with -fsanitize=fuzzer-no-link): the CMake presets stay g++-only. The corpus persists in
# build/fuzz-corpus/<target>, crashes land in build/fuzz-artifacts/. The same targets run for a few
# seconds each in ctest (fuzz.*) whenever a tree is configured with clang.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(certificate csr crl keys)

command -v clang++ >/dev/null || { echo "tools/fuzz.sh: clang++ is missing (apt-get install clang libclang-rt-dev)"; exit 1; }
build=build/fuzz
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCERTPORTAL_BUILD_BUNDLE=OFF >"$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 1; }
fi
build_targets=(pki_fuzz_seed_corpus)
for t in "${targets[@]}"; do build_targets+=("pki_fuzz_$t"); done
cmake --build "$build" -j 2 --target "${build_targets[@]}"

corpus=build/fuzz-corpus
artifacts=build/fuzz-artifacts
mkdir -p "$artifacts"
"$build/tests/core/pki/fuzz/pki_fuzz_seed_corpus" "$build/fuzz-seeds"

run() {  # target
  local t=$1
  mkdir -p "$corpus/$t"
  echo "== fuzz $t for ${seconds}s"
  "$build/tests/core/pki/fuzz/pki_fuzz_$t" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$t-" "$corpus/$t" "$build/fuzz-seeds/$t" \
    >"$artifacts/$t.log" 2>&1 && echo "   $t: ok ($(grep -o 'stat::number_of_executed_units: [0-9]*' "$artifacts/$t.log" | grep -o '[0-9]*$') runs)" \
    || { echo "   $t: FAILED, see $artifacts/$t.log"; return 1; }
}

status=0
pids=()
for t in "${targets[@]}"; do
  run "$t" & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
