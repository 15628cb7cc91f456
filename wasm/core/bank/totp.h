// certportal bank: one-time password tokens (ワンタイムパスワード), RFC 4226 HOTP and RFC 6238
// TOTP with HMAC-SHA1 through Mbed TLS: a new 6-digit code every 30 s of simulated time.
//
// The bank accepts the code of the current time step or of the previous one (a person reads
// the token, then types), and never a step at or before the last accepted one: a code once
// accepted cannot be used again (同じパスワードは連続して使用できません). Sources: docs/domain.md, "Every other number".
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "bank/clock.h"
#include "pki/bytes.h"

namespace cp {

inline constexpr SimTime kTotpStepSeconds = 30;
inline constexpr unsigned kTotpDigits = 6;

// RFC 4226 section 5.3: dynamic truncation of HMAC-SHA1(key, counter) to `digits` (1..9) digits.
std::uint32_t hotp_value(std::span<const std::uint8_t> key, std::uint64_t counter, unsigned digits);
// The code zero-padded to `digits` characters.
std::string hotp_code(std::span<const std::uint8_t> key, std::uint64_t counter, unsigned digits);
// RFC 6238: T = floor(now / step).
std::uint64_t totp_step(SimTime now, SimTime step = kTotpStepSeconds);
std::string totp_code(std::span<const std::uint8_t> key, SimTime now, unsigned digits = kTotpDigits,
                      SimTime step = kTotpStepSeconds);

// A token as the bank knows it (the key is shared with the hardware token).
struct TotpToken {
    std::string serial;              // printed on the token, shown to the administrator
    pki::SecretBytes key;            // 20 bytes (RFC 4226 recommends 160 bits)
    std::int64_t last_accepted_step = -1;
    bool registered() const { return !key.empty(); }
    bool operator==(const TotpToken&) const = default;
};

enum class TotpCheck : std::uint8_t { Accepted, Wrong, Reused };

// Checks `code` at `now`; on acceptance remembers the step so that it is never accepted again.
TotpCheck totp_verify(TotpToken& token, std::string_view code, SimTime now);

}  // namespace cp
