#!/usr/bin/env bash
# certportal: runs Mbed TLS's test suites and self-test program, built for wasm by
# tests/mbedtls/CMakeLists.txt, under Node; prints each suite's counts and the total.
#   run_suites.sh BUILD_DIR SUITE...      (SUITE as in test_suite_SUITE, e.g. bignum_core.misc)
set -uo pipefail
bin=$1; shift
node=(node --no-experimental-fetch)
total=0 skipped=0 failed_suites=()
cd "$bin/tests" || { echo "run_suites: $bin/tests is missing (build the wasm-tests preset)"; exit 1; }
for suite in "$@"; do
  # --verbose as in Mbed TLS's own ctest entries (without it the Node build stops after one case).
  out=$("${node[@]}" "test_suite_$suite.js" --verbose 2>&1)
  rc=$?
  # The last line: "PASSED (N / N tests (K skipped))" or "FAILED (F / N tests (K skipped))".
  summary=$(printf '%s\n' "$out" | grep -E '^(PASSED|FAILED) \(' | tail -n 1)
  printf '%-28s %s\n' "$suite" "${summary:-no summary (exit status $rc)}"
  if [ "$rc" -ne 0 ] || [[ "$summary" != PASSED* ]]; then
    failed_suites+=("$suite")
    printf '%s\n' "$out" | grep -E 'FAILED|^  ' | head -n 40
    continue
  fi
  n=$(sed -E 's/^PASSED \(([0-9]+) \/ ([0-9]+) tests \(([0-9]+) skipped\)\)$/\2 \3/' <<<"$summary")
  total=$((total + ${n% *})); skipped=$((skipped + ${n#* }))
done
cd "$bin/programs/test" || exit 1
out=$("${node[@]}" selftest.js 2>&1)
rc=$?
selftest=$(printf '%s\n' "$out" | grep -E 'Executed [0-9]+ test suites|All tests PASS|FAILED' | tr '\n' ' ')
printf '%-28s %s\n' "selftest" "$selftest(exit status $rc)"
[ "$rc" -eq 0 ] || failed_suites+=(selftest)
echo "mbedtls suites: $((total - skipped)) test cases passed, $skipped skipped, ${#failed_suites[@]} suites failed ${failed_suites[*]:-}"
[ ${#failed_suites[@]} -eq 0 ]
