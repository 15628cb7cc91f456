// certportal pki: entropy (getentropy) and CTR_DRBG.
#include "pki/random.h"

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/sha256.h>
#include <unistd.h>  // getentropy (glibc >= 2.25, Emscripten)

#include <cstring>

namespace cp::pki {

bool fill_entropy(std::span<std::uint8_t> out) {
    std::size_t done = 0;
    while (done < out.size()) {
        std::size_t chunk = out.size() - done;
        if (chunk > 256) chunk = 256;  // getentropy's limit per call
        if (getentropy(out.data() + done, chunk) != 0) {
            return false;
        }
        done += chunk;
    }
    return true;
}

struct Drbg::State {
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
    bool seeded = false;
    // Deterministic test stream: SHA-256(seed || counter).
    std::uint8_t test_seed[32] = {};
    std::uint32_t test_counter = 0;
    State() {
        mbedtls_entropy_init(&entropy);
        mbedtls_ctr_drbg_init(&drbg);
    }
    ~State() {
        mbedtls_ctr_drbg_free(&drbg);
        mbedtls_entropy_free(&entropy);
        secure_wipe(test_seed, sizeof test_seed);
    }
};

namespace {

int test_entropy(void* context, unsigned char* out, std::size_t size) {
    auto* s = static_cast<Drbg::State*>(context);
    std::size_t done = 0;
    while (done < size) {
        std::uint8_t block_in[36];
        std::memcpy(block_in, s->test_seed, 32);
        const std::uint32_t c = s->test_counter++;
        block_in[32] = static_cast<std::uint8_t>(c >> 24);
        block_in[33] = static_cast<std::uint8_t>(c >> 16);
        block_in[34] = static_cast<std::uint8_t>(c >> 8);
        block_in[35] = static_cast<std::uint8_t>(c);
        std::uint8_t block[32];
        if (mbedtls_sha256(block_in, sizeof block_in, block, 0) != 0) return -1;
        const std::size_t n = size - done < 32 ? size - done : 32;
        std::memcpy(out + done, block, n);
        done += n;
    }
    return 0;
}

}  // namespace

Drbg::Drbg() : state_(std::make_unique<State>()) {}
Drbg::~Drbg() = default;

PkiError Drbg::seed_from_entropy(std::string_view personalization) {
    if (state_->seeded) return PkiError::InvalidArgument;
    const int ret = mbedtls_ctr_drbg_seed(
        &state_->drbg, mbedtls_entropy_func, &state_->entropy,
        reinterpret_cast<const unsigned char*>(personalization.data()), personalization.size());
    if (ret != 0) return PkiError::RandomFailed;
    state_->seeded = true;
    return PkiError::Ok;
}

PkiError Drbg::seed_deterministic_for_tests(ByteView seed) {
    if (state_->seeded) return PkiError::InvalidArgument;
    if (mbedtls_sha256(seed.data(), seed.size(), state_->test_seed, 0) != 0) {
        return PkiError::RandomFailed;
    }
    const int ret = mbedtls_ctr_drbg_seed(&state_->drbg, test_entropy, state_.get(), nullptr, 0);
    if (ret != 0) return PkiError::RandomFailed;
    state_->seeded = true;
    return PkiError::Ok;
}

bool Drbg::seeded() const { return state_->seeded; }

PkiError Drbg::random(std::span<std::uint8_t> out) {
    if (!state_->seeded) return PkiError::RandomFailed;
    // CTR_DRBG hands out at most MBEDTLS_CTR_DRBG_MAX_REQUEST bytes a call.
    std::size_t done = 0;
    while (done < out.size()) {
        std::size_t chunk = out.size() - done;
        if (chunk > MBEDTLS_CTR_DRBG_MAX_REQUEST) chunk = MBEDTLS_CTR_DRBG_MAX_REQUEST;
        if (mbedtls_ctr_drbg_random(&state_->drbg, out.data() + done, chunk) != 0) {
            return PkiError::RandomFailed;
        }
        done += chunk;
    }
    return PkiError::Ok;
}

int Drbg::rng_callback(void* context, unsigned char* out, std::size_t size) {
    auto* self = static_cast<Drbg*>(context);
    if (self == nullptr) return MBEDTLS_ERR_CTR_DRBG_REQUEST_TOO_BIG;
    return self->random(std::span<std::uint8_t>(out, size)) == PkiError::Ok
               ? 0
               : MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
}

void* Drbg::rng_context() { return this; }

}  // namespace cp::pki

// Mbed TLS's entropy pool calls this (MBEDTLS_ENTROPY_HARDWARE_ALT). Defined in the same object
// file as Drbg so that a static link always pulls it in with the DRBG.
extern "C" int mbedtls_hardware_poll(void* data, unsigned char* output, std::size_t len,
                                     std::size_t* olen) {
    (void)data;
    if (!cp::pki::fill_entropy(std::span<std::uint8_t>(output, len))) {
        *olen = 0;
        return MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
    }
    *olen = len;
    return 0;
}
