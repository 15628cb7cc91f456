// certportal pki: error codes of the PKI core.
//
// Every fallible function of wasm/core/pki returns a PkiError (nodiscard: ignoring one is a compile
// error under certportal_strict). One code per failure a caller or a user must tell apart; the UI
// maps codes to its own catalogue strings, pki_error_message() gives a stable English text for
// logs and tests. Mbed TLS's own codes do not leave this module.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cp::pki {

enum class [[nodiscard]] PkiError : std::uint8_t {
    Ok = 0,
    InvalidArgument,        // a caller-side mistake (empty input, bad subject field, bad option)
    InputTooLarge,          // input above kMaxInputBytes: rejected before parsing
    MalformedInput,         // not a parseable PEM/DER object of the expected kind
    UnsupportedAlgorithm,   // parseable but not a key/algorithm we accept (e.g. a P-384 key)
    RandomFailed,           // entropy source or DRBG failed
    KeyGenerationFailed,
    SigningFailed,
    SignatureInvalid,       // a signature did not verify (CSR proof of possession, login proof)
    KeyMismatch,            // a private key does not belong to the certificate / CA certificate
    WrongPassword,          // encrypted PKCS#8: the password does not decrypt the key
    PasswordRequired,       // encrypted key given without a password
    NotACertificateAuthority,  // the certificate cannot issue (no CA basicConstraints / keyCertSign)
    DeviceKeyFailed,        // the platform's device key (protection level 中) failed or refused
    Cancelled,              // an asynchronous job was cancelled: nothing was produced
    OutOfMemory,
    Internal,               // a should-not-happen path: the result variable's starting value
};

// Parsers refuse larger inputs outright (a certificate is ~1 KB, a CRL of a small bank a few KB).
inline constexpr std::size_t kMaxInputBytes = 64 * 1024;

// Stable English text, e.g. "wrong password". Never null.
const char* pki_error_message(PkiError error);

// Stable identifier, e.g. "WrongPassword" (logs, test output).
const char* pki_error_name(PkiError error);

}  // namespace cp::pki
