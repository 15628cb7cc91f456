#!/usr/bin/env bash
# certportal: what each part of the wasm Mbed TLS build buys (tools/bench_genprime.c, wasm under
# Node, emcc -O3): 1024-bit primes, mean and median over N (default 40), one variant after another.
#   tools/bench_genprime.sh [N]
# Variants: Mbed TLS as shipped (32-bit limbs, the default on wasm32); + MBEDTLS_HAVE_INT64; + the
# patch's wasm inner loop (sieve limited to 1024, i.e. off); + the patch's deeper sieve (all of it).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${CERTPORTAL_CACHE:-$HOME/.cache/certportal}
n=${1:-40}
export NODE_PATH=/usr/share/nodejs
out="$here/build/bench_genprime"
mkdir -p "$out"
printf '#define MBEDTLS_BIGNUM_C\n#define MBEDTLS_GENPRIME\n' > "$out/config.h"
build() {  # name tree flags...
  local name=$1 tree=$2; shift 2
  nice -n 15 emcc -O3 -I"$tree/include" -I"$tree/library" -DMBEDTLS_CONFIG_FILE="\"$out/config.h\"" "$@" \
    "$here/tools/bench_genprime.c" "$tree/library/bignum.c" "$tree/library/bignum_core.c" \
    "$tree/library/constant_time.c" "$tree/library/platform_util.c" \
    -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node -o "$out/$name.js"
}
build int32 "$cache/mbedtls"
build int64 "$cache/mbedtls" -DMBEDTLS_HAVE_INT64
build int64_loop "$cache/mbedtls-wasm" -DMBEDTLS_HAVE_INT64 -DMBEDTLS_GENPRIME_SIEVE_LIMIT=1024
build int64_loop_sieve "$cache/mbedtls-wasm" -DMBEDTLS_HAVE_INT64
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for v in int32 int64 int64_loop int64_loop_sieve; do
  printf '%-18s ' "$v"
  node --no-experimental-fetch "$out/$v.js" "$n"
done
