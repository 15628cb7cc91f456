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
#define CP_PKI_ERROR(name, message) name,
#include "pki/errors.def"
#undef CP_PKI_ERROR
};

// Parsers refuse larger inputs outright (a certificate is ~1 KB, a CRL of a small bank a few KB).
inline constexpr std::size_t kMaxInputBytes = 64 * 1024;

// Stable English text, e.g. "wrong password". Never null.
const char* pki_error_message(PkiError error);

// Stable identifier, e.g. "WrongPassword" (logs, test output).
const char* pki_error_name(PkiError error);

}  // namespace cp::pki
