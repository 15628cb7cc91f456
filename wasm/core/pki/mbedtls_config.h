// certportal: Mbed TLS 3.6 configuration, trimmed to what wasm/core/pki uses.
//
// cmake/ThirdParty.cmake makes this file MBEDTLS_CONFIG_FILE when it exists (re-run the CMake
// configure step after changing it). It replaces Mbed TLS's default mbedtls_config.h entirely:
// everything not defined here is off. The first-load budget for Mbed TLS is 150 KB gzip, so each
// group below says which certportal feature needs it. No system clock. TLS 1.2 and 1.3 (client and
// server, ECDHE only) for wasm/core/tls, with the PSA crypto that TLS 1.3 is built on: code the
// bundle only carries once it calls the handshake (the linker drops what is not reached).
//
// Measured (tools/bench_pki_size.sh, emcc 3.1.6 -Os, every pki entry point reachable, minus an
// empty program): certportal_pki + Mbed TLS = 168 KB wasm / 73 KB gzip with this file, 280 KB /
// 132 KB gzip with Mbed TLS's default configuration. The key-generation worker alone: 47 KB gzip.
#pragma once

// --- System support -------------------------------------------------------------------------
#if defined(__wasm__)
// wasm32 is not on Mbed TLS's 64-bit list, so it would get 32-bit limbs. wasm has 64-bit integer
// arithmetic: 64-bit limbs without assembly (a combination Mbed TLS's CI tests) halve the number of
// limb operations. The Emscripten builds compile tools/patches/mbedtls-3.6.6-wasm-bignum.patch's copy
// of Mbed TLS, whose bn_mul.h has a multiply-accumulate loop for exactly this case. No __int128:
// wasm makes it calls to __multi3, slower.
#define MBEDTLS_HAVE_INT64
// Exponentiation windows of up to 6 bits (default 3): fewer multiplications per Miller-Rabin round,
// about 5-8 % less time per 1024-bit prime (tools/bench_genprime.sh, same candidates); an 8 KB table.
#define MBEDTLS_MPI_WINDOW_SIZE 6
#else
// Inline assembly for bignum multiplication on x86-64 (native tests, Mbed TLS as shipped).
#define MBEDTLS_HAVE_ASM
#endif
// No MBEDTLS_HAVE_TIME / MBEDTLS_HAVE_TIME_DATE: core never reads the system clock. Validity and
// CRL freshness are checked by pki/verify.cpp against the simulated time passed in by the caller.
// Deprecated APIs removed: keeps us on the 3.6 API that 4.x keeps.
#define MBEDTLS_DEPRECATED_REMOVED

// --- Entropy and random numbers (key generation, serials, nonces, salts, ECDSA k) -------------
// No /dev/urandom code in Mbed TLS: pki/random.cpp defines mbedtls_hardware_poll() on top of
// getentropy(), which works natively (glibc) and in wasm (Emscripten: crypto.getRandomValues).
#define MBEDTLS_NO_PLATFORM_ENTROPY
#define MBEDTLS_ENTROPY_HARDWARE_ALT
#define MBEDTLS_ENTROPY_C
#define MBEDTLS_CTR_DRBG_C

// --- Block cipher: AES (CTR_DRBG; AES-256-CBC of encrypted PKCS#8, protection level 高) -------
// No ROM tables and fewer tables: the tables are computed at start-up (a few KB less wasm).
#define MBEDTLS_AES_C
#define MBEDTLS_AES_FEWER_TABLES
#define MBEDTLS_CIPHER_C
#define MBEDTLS_CIPHER_MODE_CBC
#define MBEDTLS_CIPHER_PADDING_PKCS7
// AES-GCM: the record protection of TLS_AES_128_GCM_SHA256 (1.3) and
// TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (1.2), wasm/core/tls.
#define MBEDTLS_GCM_C

// --- Hashes ------------------------------------------------------------------------------------
// SHA-256: every signature, fingerprints, PBKDF2-HMAC-SHA256, entropy pool.
// SHA-1: only for SubjectKeyIdentifier / AuthorityKeyIdentifier (RFC 5280 method 1).
#define MBEDTLS_MD_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA1_C

// --- Password-based encryption (protection level 高: PBES2 / PBKDF2, RFC 8018) ---------------
#define MBEDTLS_PKCS5_C

// --- Big numbers and RSA-2048 (default key type, like the bank's certificates) ---------------
// RSA up to 4096 bits so that keys made elsewhere (OpenSSL in tests) still parse.
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_GENPRIME
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
// RSASSA-PSS: TLS 1.3 signs CertificateVerify with an RSA key only as rsa_pss_rsae_sha256
// (RFC 8446 4.2.3), so the RSA-2048 client certificates need it for the 1.3 handshake.
#define MBEDTLS_PKCS1_V21
// RSASSA-PSS parameters in X.509 and TLS: Mbed TLS's TLS 1.3 verifies a PSS CertificateVerify only
// with it (ssl_tls13_generic.c passes the PSS options under this option alone).
#define MBEDTLS_X509_RSASSA_PSS_SUPPORT
#define MBEDTLS_MPI_MAX_SIZE 512

// --- Elliptic curves: ECDSA P-256 only (the alternative key type; fast CA keys in tests) ------
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_NIST_OPTIM
// ECDH on P-256: the (EC)DHE key exchange of both TLS versions (wasm/core/tls).
#define MBEDTLS_ECDH_C

// --- ASN.1, OIDs, PEM (all parsers and writers) ----------------------------------------------
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_OID_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_PEM_WRITE_C

// --- Public-key layer: keys in and out (PKCS#8, SPKI), sign/verify --------------------------
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_PK_WRITE_C

// --- X.509: certificates, CSRs, CRLs (parse and write; the CRL writer is ours) ----------------
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_X509_CRL_PARSE_C
#define MBEDTLS_X509_CSR_PARSE_C
#define MBEDTLS_X509_CREATE_C
#define MBEDTLS_X509_CRT_WRITE_C
#define MBEDTLS_X509_CSR_WRITE_C

// --- TLS: the certificate login's handshake (wasm/core/tls) -----------------------------------
// The simulated browser (client) and the bank's server, TLS 1.2 and 1.3, connected by in-memory
// transports in the same module. Key exchange: ECDHE on P-256 only (no static RSA, no PSK); the
// bank's server key is ECDSA P-256; client keys RSA-2048 (PKCS#1 v1.5 signatures in 1.2, PSS in
// 1.3) or P-256. Mbed TLS's TLS 1.3 is written on PSA crypto (its key schedule is PSA HKDF):
// MBEDTLS_PSA_CRYPTO_C, with PSA's algorithms derived from the legacy modules above (no
// MBEDTLS_PSA_CRYPTO_CONFIG); MBEDTLS_HKDF_C enables PSA's HKDF. MBEDTLS_USE_PSA_CRYPTO stays
// off: pk/x509 keep the legacy code the PKI already uses, TLS 1.2 its legacy PRF.
// The server's verify callback checks validity on the simulated clock (no MBEDTLS_HAVE_TIME_DATE).
// Secrets leave through mbedtls_ssl_set_export_keys_cb (always present in 3.6) for the key log.
#define MBEDTLS_PSA_CRYPTO_C
#define MBEDTLS_HKDF_C
#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_SSL_CLI_C
#define MBEDTLS_SSL_SRV_C
#define MBEDTLS_SSL_PROTO_TLS1_2
#define MBEDTLS_SSL_PROTO_TLS1_3
#define MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_EPHEMERAL_ENABLED
// The peer's certificate stays in the session after the handshake (TLS 1.3 requires it; the
// application checks the bank's record of the holder against it after the handshake).
#define MBEDTLS_SSL_KEEP_PEER_CERTIFICATE
// The TLS 1.2 signature_algorithms extension and RFC 5746 renegotiation_info as browsers send
// them; the server's extended master secret (RFC 7627) as every current TLS 1.2 peer negotiates.
#define MBEDTLS_SSL_EXTENDED_MASTER_SECRET
#define MBEDTLS_SSL_SERVER_NAME_INDICATION
// Records of at most 16 KB (the protocol's limit); a client certificate chain fits.
#define MBEDTLS_SSL_IN_CONTENT_LEN 16384
#define MBEDTLS_SSL_OUT_CONTENT_LEN 16384

// Deliberately off: MBEDTLS_ERROR_C (pki/error.h has our own messages), MBEDTLS_SELF_TEST,
// MBEDTLS_VERSION_C, PKCS#12, other curves and hashes, CCM/ChaCha, TLS session tickets, PSK,
// early data, DTLS, renegotiation, MBEDTLS_USE_PSA_CRYPTO, MBEDTLS_PLATFORM_C (calloc/free from
// libc). The device key of level 中 is WebCrypto AES-GCM, outside Mbed TLS.
