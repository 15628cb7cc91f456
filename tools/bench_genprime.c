// certportal: what each part of the wasm Mbed TLS build buys for RSA-2048 key generation: the
// time of mbedtls_mpi_gen_prime(1024 bits, as mbedtls_rsa_gen_key calls it) as wasm under Node.
// Built by tools/bench_genprime.sh in several variants. A fixed, non-cryptographic generator
// (xorshift) makes the variants without the deeper sieve search exactly the same candidates.
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "mbedtls/bignum.h"
static uint64_t s = 0x9E3779B97F4A7C15ULL;
static int rng(void *ctx, unsigned char *out, size_t len) {
  (void) ctx;
  for (size_t i = 0; i < len; i++) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; out[i] = (unsigned char)(s >> 24); }
  return 0;
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
static int cmp(const void *a, const void *b) { double x = *(const double*)a, y = *(const double*)b; return x < y ? -1 : x > y; }
int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 40;
  double t[1000], total = 0;
  if (n < 1 || n > 1000) n = 40;
  mbedtls_mpi X; mbedtls_mpi_init(&X);
  for (int i = 0; i < n; i++) {
    double a = now();
    if (mbedtls_mpi_gen_prime(&X, 1024, MBEDTLS_MPI_GEN_PRIME_FLAG_LOW_ERR, rng, NULL) != 0) { puts("fail"); return 1; }
    t[i] = now() - a; total += t[i];
  }
  qsort(t, n, sizeof t[0], cmp);
  printf("1024-bit prime: mean %6.1f ms  median %6.1f ms  (n=%d)\n", total / n, t[n / 2], n);
  return 0;
}
