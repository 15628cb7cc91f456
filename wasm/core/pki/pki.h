// certportal pki: the PKI core on Mbed TLS 3.6 — index and umbrella header.
//
// Platform-free (no Emscripten or browser headers; the only platform call is getentropy()). Built
// as the library certportal_pki (wasm/core/pki/CMakeLists.txt), linked with Mbed TLS configured
// by mbedtls_config.h in this folder. Namespace cp::pki. Every fallible call returns PkiError
// ([[nodiscard]]); parsers refuse inputs above kMaxInputBytes; core never reads a clock.
//
//   error.h        PkiError, messages
//   bytes.h        Bytes, ByteView, SecretBytes (wiped when cleared or destroyed), secure_wipe
//   time.h         UnixTime (the simulated clock), civil-time helpers
//   random.h       fill_entropy (getentropy), Drbg (CTR_DRBG; deterministic seed for tests)
//   key.h          KeyPair: RSA-2048 / ECDSA P-256, plain PKCS#8, SPKI, sign/verify SHA-256
//   pkcs8.h        encrypted PKCS#8 (PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC): writer + reader
//   name.h         client/CA subjects (契約者ID + bank code / 利用者ID), readable DNs
//   certificate.h  Certificate (parse, describe), CSR creation, Csr (parse + proof of possession)
//   ca.h           CertificateAuthority (root, issuing CA, client certificates), CA hierarchy
//   crl.h          v2 CRL writer (crlNumber, reasonCode) and reader
//   verify.h       CertificateStatus 有効/失効/期限切れ/まだ有効でない/発行元不明/署名不正
//   protection.h   protection levels 低/中/高, DeviceKeyProtector (async), TestDeviceKey
//   jobs.h         key generation / CSR creation as jobs (request → completion), cancel
//
// For the key-generation worker module, the pure entry points are in jobs.h
// (generate_key_pkcs8, create_csr_from_pkcs8): bytes in, bytes out.
#pragma once

#include "pki/bytes.h"
#include "pki/ca.h"
#include "pki/certificate.h"
#include "pki/crl.h"
#include "pki/error.h"
#include "pki/jobs.h"
#include "pki/key.h"
#include "pki/name.h"
#include "pki/pkcs8.h"
#include "pki/protection.h"
#include "pki/random.h"
#include "pki/time.h"
#include "pki/verify.h"
