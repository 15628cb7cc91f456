// certportal pki: entropy and the deterministic random bit generator (CTR_DRBG, AES-256).
//
// One small entropy function, fill_entropy(), reads getentropy() (glibc natively, Emscripten's
// crypto.getRandomValues in wasm, at most 256 bytes a call). Mbed TLS's entropy pool reaches it
// through mbedtls_hardware_poll() (MBEDTLS_ENTROPY_HARDWARE_ALT in pki/mbedtls_config.h).
//
// Drbg owns an entropy context and a CTR_DRBG context. It is neither copyable nor movable
// (Mbed TLS keeps a pointer from one to the other): construct, then seed:
//
//     cp::pki::Drbg rng;
//     if (rng.seed_from_entropy("login") != PkiError::Ok) { ... }
//
// seed_deterministic_for_tests() replaces the entropy source with a fixed stream: same seed, same
// keys and signatures. Only tests may call it; production code uses seed_from_entropy().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "pki/bytes.h"
#include "pki/error.h"

namespace cp::pki {

// Fills `out` from the platform's cryptographic entropy source. False on failure.
[[nodiscard]] bool fill_entropy(std::span<std::uint8_t> out);

class Drbg {
public:
    Drbg();
    ~Drbg();
    Drbg(const Drbg&) = delete;
    Drbg& operator=(const Drbg&) = delete;

    // Seeds from the platform entropy; `personalization` separates uses (may be empty).
    PkiError seed_from_entropy(std::string_view personalization = {});
    // Tests only: a reproducible generator (the seed is expanded with SHA-256 in counter mode).
    PkiError seed_deterministic_for_tests(ByteView seed);

    bool seeded() const;
    PkiError random(std::span<std::uint8_t> out);

    // For Mbed TLS calls that take (f_rng, p_rng): pass Drbg::rng_callback and rng_context().
    static int rng_callback(void* context, unsigned char* out, std::size_t size);
    void* rng_context();

    struct State;  // opaque (random.cpp)

private:
    std::unique_ptr<State> state_;
};

}  // namespace cp::pki
