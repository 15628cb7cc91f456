#include "bank/pin_hash.h"

#include "pki/bytes.h"
#include "crypto/digest.h"

namespace cp {
namespace {

std::span<const std::uint8_t> bytes_of(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace

PinHash hash_pin(std::string_view pin, RandomSource& random, std::uint32_t iterations) {
    PinHash out;
    out.iterations = iterations == 0 ? 1 : iterations;
    random.fill(out.salt);
    pbkdf2_hmac_sha256(bytes_of(pin), out.salt, out.iterations, out.hash);
    return out;
}

bool verify_pin(const PinHash& stored, std::string_view pin) {
    if (!stored.is_set()) return false;
    pki::SecretBytes candidate(stored.hash.size());
    pbkdf2_hmac_sha256(bytes_of(pin), stored.salt, stored.iterations, {candidate.mutable_data(), candidate.size()});
    return constant_time_equal(candidate.view(), stored.hash);
}

}  // namespace cp
