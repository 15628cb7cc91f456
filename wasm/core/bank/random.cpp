#include "bank/random.h"

#include <cstdlib>
#include <cstring>

#include "pki/random.h"
#include "crypto/digest.h"

namespace cp {

std::uint32_t RandomSource::uniform(std::uint32_t bound) {
    if (bound == 0) return 0;
    // Rejection sampling: draw 32 bits, reject the top partial range.
    const std::uint32_t limit = UINT32_MAX - (UINT32_MAX % bound);
    for (;;) {
        std::array<std::uint8_t, 4> b{};
        fill(b);
        const std::uint32_t v = static_cast<std::uint32_t>(b[0]) | (static_cast<std::uint32_t>(b[1]) << 8) |
                                (static_cast<std::uint32_t>(b[2]) << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
        if (v < limit) return v % bound;
    }
}

void SystemRandom::fill(std::span<std::uint8_t> out) {
    // The one entropy path (getentropy), shared with the PKI's DRBG. No entropy: nothing to fall
    // back on that would still be secret, so stop.
    if (!pki::fill_entropy(out)) std::abort();
}

SeededRandom::SeededRandom(std::uint64_t seed) {
    std::array<std::uint8_t, 8> s{};
    for (std::size_t i = 0; i < 8; ++i) s[i] = static_cast<std::uint8_t>(seed >> (8 * i));
    seed_ = sha256(s);
}

void SeededRandom::fill(std::span<std::uint8_t> out) {
    std::size_t done = 0;
    while (done < out.size()) {
        std::array<std::uint8_t, 40> block{};
        std::memcpy(block.data(), seed_.data(), 32);
        for (std::size_t i = 0; i < 8; ++i) block[32 + i] = static_cast<std::uint8_t>(counter_ >> (8 * i));
        ++counter_;
        const auto h = sha256(block);
        const std::size_t n = out.size() - done < h.size() ? out.size() - done : h.size();
        std::memcpy(out.data() + done, h.data(), n);
        done += n;
    }
}

}  // namespace cp
