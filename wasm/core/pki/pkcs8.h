// certportal pki: encrypted PKCS#8 (RFC 5208 EncryptedPrivateKeyInfo, RFC 8018 PBES2) — the
// protection level 高: a password set at creation and asked at every use.
//
// Written as PBES2 with PBKDF2-HMAC-SHA256 (16-byte random salt) and AES-256-CBC (random IV),
// the profile OpenSSL 3 writes by default, so `openssl pkcs8 -in key.pem` and `openssl pkey`
// read our files. Mbed TLS 3.6 has no writer for it (this module is the writer); decryption uses
// mbedtls_pkcs5_pbes2_ext after our own structure check, which also caps the iteration count (a
// hostile file could otherwise ask for billions of PBKDF2 rounds).
#pragma once

#include <string>
#include <string_view>

#include "pki/bytes.h"
#include "pki/error.h"

namespace cp::pki {

class Drbg;
class KeyPair;

// Key protection 高 (docs/domain.md, "Every other number"). 100k rounds: ~100 ms natively, ~165 ms
// in wasm under Node (tools/bench_pki.sh).
inline constexpr unsigned kDefaultPbkdf2Iterations = 100000;
inline constexpr unsigned kMaxPbkdf2Iterations = 1000000;

PkiError write_encrypted_pkcs8_der(const KeyPair& key, std::string_view password, unsigned iterations,
                                   Drbg& rng, Bytes& der);
// PEM label "ENCRYPTED PRIVATE KEY".
PkiError write_encrypted_pkcs8_pem(const KeyPair& key, std::string_view password, unsigned iterations,
                                   Drbg& rng, std::string& pem);

// Reads an encrypted PKCS#8 (PEM or DER). WrongPassword when the password does not decrypt it;
// PasswordRequired for an empty password; MalformedInput when it is not an EncryptedPrivateKeyInfo
// (an unencrypted key is refused here: level 高 must never store one); UnsupportedAlgorithm for
// other schemes (PBES1, PKCS#12 PBE) or more than `max_iterations` PBKDF2 rounds.
PkiError read_encrypted_pkcs8(ByteView pem_or_der, std::string_view password, KeyPair& key,
                              unsigned max_iterations = kMaxPbkdf2Iterations);

}  // namespace cp::pki
