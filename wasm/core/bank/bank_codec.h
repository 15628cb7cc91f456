// certportal bank: the bank's whole state as bytes (the payload of the BankState record) and
// back, plus the PC store's certificate and key payloads. Compact, little-endian,
// length-prefixed (byte_codec.h); versioned by the record envelope. Decoding checks every
// count, length and enum range: bad input gives StateCorrupted, never a crash or a half state.
#pragma once

#include <span>
#include <vector>

#include "bank/bank_state.h"

namespace cp {

std::vector<std::uint8_t> encode_bank_state(const BankState& state);
BankResult decode_bank_state(std::span<const std::uint8_t> payload, BankState& out);

// A certificate without its key (the "certificates" store) and the key alone ("keys" store).
std::vector<std::uint8_t> encode_certificate_part(const InstalledCertificate& c);
BankResult decode_certificate_part(std::span<const std::uint8_t> payload, InstalledCertificate& out);

}  // namespace cp
