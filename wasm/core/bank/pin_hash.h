// certportal bank: how the bank keeps secrets (ご契約先暗証番号, ご契約先確認暗証番号, 利用者暗証番号):
// only a salted PBKDF2-HMAC-SHA256 hash, compared in constant time. The clear PIN is never
// stored; the copies made while hashing are wiped.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "bank/random.h"

namespace cp {

struct PinHash {
    std::array<std::uint8_t, 16> salt{};
    std::array<std::uint8_t, 32> hash{};
    std::uint32_t iterations = 0;  // 0: no PIN set (nothing verifies)
    bool is_set() const { return iterations != 0; }
    bool operator==(const PinHash&) const = default;
};

// A fresh random salt each time: the same PIN twice gives two different hashes.
PinHash hash_pin(std::string_view pin, RandomSource& random, std::uint32_t iterations);
bool verify_pin(const PinHash& stored, std::string_view pin);

}  // namespace cp
