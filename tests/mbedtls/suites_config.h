// certportal: added to wasm/core/pki/mbedtls_config.h (MBEDTLS_USER_CONFIG_FILE) for Mbed TLS's own
// test suites and self-test program only (tests/mbedtls/CMakeLists.txt): the self-test functions.
#pragma once
#define MBEDTLS_SELF_TEST
