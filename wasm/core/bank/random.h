// certportal bank: where the bank's randomness comes from (salts, card grids, challenge symbols,
// TOTP keys, branch delays). Injected, so tests and demo presets are reproducible.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace cp {

class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::uint8_t> out) = 0;
    // Uniform in [0, bound) without modulo bias; bound 0 gives 0.
    std::uint32_t uniform(std::uint32_t bound);
};

// The platform's entropy, through pki::fill_entropy (getentropy(): the kernel natively,
// crypto.getRandomValues under Emscripten). Aborts if the platform has no entropy: silently weak
// salts would be worse.
class SystemRandom final : public RandomSource {
public:
    void fill(std::span<std::uint8_t> out) override;
};

// Deterministic: SHA-256(seed || counter) blocks. For tests and reproducible demo presets only.
class SeededRandom final : public RandomSource {
public:
    explicit SeededRandom(std::uint64_t seed);
    void fill(std::span<std::uint8_t> out) override;

private:
    std::array<std::uint8_t, 32> seed_{};
    std::uint64_t counter_ = 0;
};

}  // namespace cp
