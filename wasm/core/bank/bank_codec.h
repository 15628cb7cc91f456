// certportal bank: the bank's whole state as bytes (the payload of the BankState record) and
// back, plus the PC store's certificate and key payloads. Compact, little-endian,
// length-prefixed (byte_codec.h); versioned by the record envelope. Decoding checks every
// count, length and enum range: bad input gives StateCorrupted, never a crash or a half state.
#pragma once

#include <span>
#include <vector>

#include "bank/bank_state.h"
#include "storage/persist_result.h"
#include "storage/record_envelope.h"

namespace cp {

std::vector<std::uint8_t> encode_bank_state(const BankState& state);
// `version`: the record format the payload was written with (unwrap_record tells). Format 1 (before
// the issuances awaiting installation were recorded) ends after the audit log: it loads with none.
PersistResult decode_bank_state(std::span<const std::uint8_t> payload, BankState& out,
                                std::uint16_t version = kRecordFormatVersion);

// A certificate without its key (the "certificates" store) and the key alone ("keys" store).
std::vector<std::uint8_t> encode_certificate_part(const InstalledCertificate& c);
PersistResult decode_certificate_part(std::span<const std::uint8_t> payload, InstalledCertificate& out);

}  // namespace cp
