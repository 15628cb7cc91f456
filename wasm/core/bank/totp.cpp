#include "bank/totp.h"

#include <array>

#include "crypto/digest.h"

namespace cp {

std::uint32_t hotp_value(std::span<const std::uint8_t> key, std::uint64_t counter, unsigned digits) {
    std::array<std::uint8_t, 8> msg{};
    for (std::size_t i = 0; i < 8; ++i) msg[7 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
    const Sha1Digest mac = hmac_sha1(key, msg);
    const unsigned offset = mac[19] & 0x0Fu;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7Fu) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                                 static_cast<std::uint32_t>(mac[offset + 3]);
    std::uint32_t modulus = 1;
    for (unsigned i = 0; i < digits && i < 9; ++i) modulus *= 10;
    return binary % modulus;
}

std::string hotp_code(std::span<const std::uint8_t> key, std::uint64_t counter, unsigned digits) {
    std::string s = std::to_string(hotp_value(key, counter, digits));
    if (s.size() < digits) s.insert(0, digits - s.size(), '0');
    return s;
}

std::uint64_t totp_step(SimTime now, SimTime step) {
    return now <= 0 ? 0 : static_cast<std::uint64_t>(now / step);
}

std::string totp_code(std::span<const std::uint8_t> key, SimTime now, unsigned digits, SimTime step) {
    return hotp_code(key, totp_step(now, step), digits);
}

TotpCheck totp_verify(TotpToken& token, std::string_view code, SimTime now) {
    if (!token.registered() || code.size() != kTotpDigits) return TotpCheck::Wrong;
    const std::uint64_t current = totp_step(now);
    // Current step first, then the previous one (the code just changed while typing).
    for (std::uint64_t back = 0; back <= 1 && back <= current; ++back) {
        const std::uint64_t step = current - back;
        const std::string expected = hotp_code(token.key.view(), step, kTotpDigits);
        const bool match = constant_time_equal(
            {reinterpret_cast<const std::uint8_t*>(expected.data()), expected.size()},
            {reinterpret_cast<const std::uint8_t*>(code.data()), code.size()});
        if (!match) continue;
        if (static_cast<std::int64_t>(step) <= token.last_accepted_step) return TotpCheck::Reused;
        token.last_accepted_step = static_cast<std::int64_t>(step);
        return TotpCheck::Accepted;
    }
    return TotpCheck::Wrong;
}

}  // namespace cp
