// certportal crypto: the few Mbed TLS primitives the bank and its storage need, behind plain
// functions: SHA-256 (audit hash chain, the random source's seed, record and file checksums),
// HMAC-SHA1 (TOTP, RFC 6238), PBKDF2-HMAC-SHA256 (PIN hashes) and a constant-time comparison.
// Failure of Mbed TLS itself (which cannot happen with these fixed algorithms compiled in) aborts
// rather than returning a weak result.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace cp {

using Sha256Digest = std::array<std::uint8_t, 32>;
using Sha1Digest = std::array<std::uint8_t, 20>;

Sha256Digest sha256(std::span<const std::uint8_t> data);
Sha1Digest hmac_sha1(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message);
void pbkdf2_hmac_sha256(std::span<const std::uint8_t> password, std::span<const std::uint8_t> salt,
                        std::uint32_t iterations, std::span<std::uint8_t> out);
// True when equal; time depends only on the length (lengths are not secret here).
bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

}  // namespace cp
