// certportal storage: the envelope around every saved record, so that a damaged or foreign value
// is recognised before it is decoded:
//   "CPRC" | u16 format version | u8 record kind | u32 payload length | payload | SHA-256 of all before
// A record from another program (no magic), of another kind, truncated, bit-flipped or written
// by a newer format is refused with a reason; the caller sets it aside.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace cp {

enum class RecordKind : std::uint8_t {
    BankState = 1,
    CertificateAuthority = 2,  // the bank's CA (pki_authority.h), key "ca" (the simulated ledger was "ledger")
    InstalledCertificate = 3,
    ProtectedKey = 4,
    WorldArchive = 5,          // an exported world (sim/world_archive.h): a file, not a database record
};

// Format history (a record written by an older format still loads; a newer one is refused):
//   1  first format
//   2  the bank state ends with the issuances awaiting installation (bank_codec.h)
//   3  the bank state ends with the login server's TLS version (BankConfig::tls_version); the CA
//      record (its own version byte 2, pki_authority.h) carries the bank's TLS server identity
inline constexpr std::uint16_t kRecordFormatVersion = 3;

enum class RecordError : std::uint8_t { None = 0, NotARecord, WrongKind, Corrupted, NewerFormat };
const char* record_error_name(RecordError error);

// `version`: the current format; an older one only to write the records of older formats in tests.
std::vector<std::uint8_t> wrap_record(RecordKind kind, std::span<const std::uint8_t> payload,
                                      std::uint16_t version = kRecordFormatVersion);
// On success `payload` is the inner bytes and `version` the format version they were written with.
RecordError unwrap_record(std::span<const std::uint8_t> record, RecordKind expected, std::vector<std::uint8_t>& payload,
                          std::uint16_t* version = nullptr);

}  // namespace cp
