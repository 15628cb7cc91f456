#include "crypto/digest.h"

#include <cstdlib>

// constant_time.h has no extern "C" guard of its own in Mbed TLS 3.6.
extern "C" {
#include <mbedtls/constant_time.h>
}
#include <mbedtls/md.h>
#include <mbedtls/pkcs5.h>
#include <mbedtls/sha256.h>

namespace cp {

Sha256Digest sha256(std::span<const std::uint8_t> data) {
    Sha256Digest out{};
    if (mbedtls_sha256(data.data(), data.size(), out.data(), 0) != 0) std::abort();
    return out;
}

Sha1Digest hmac_sha1(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message) {
    Sha1Digest out{};
    const mbedtls_md_info_t* info = mbedtls_md_info_from_type(MBEDTLS_MD_SHA1);
    if (info == nullptr || mbedtls_md_hmac(info, key.data(), key.size(), message.data(), message.size(), out.data()) != 0)
        std::abort();
    return out;
}

void pbkdf2_hmac_sha256(std::span<const std::uint8_t> password, std::span<const std::uint8_t> salt,
                        std::uint32_t iterations, std::span<std::uint8_t> out) {
    if (mbedtls_pkcs5_pbkdf2_hmac_ext(MBEDTLS_MD_SHA256, password.data(), password.size(), salt.data(), salt.size(),
                                      iterations, static_cast<std::uint32_t>(out.size()), out.data()) != 0)
        std::abort();
}

bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return mbedtls_ct_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace cp
