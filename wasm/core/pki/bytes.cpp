// certportal pki: byte helpers.
#include "pki/bytes.h"

#include <mbedtls/platform_util.h>

namespace cp::pki {

void secure_wipe(void* data, std::size_t size) {
    if (data != nullptr && size != 0) {
        mbedtls_platform_zeroize(data, size);
    }
}

std::string hex_lower(ByteView bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0F]);
    }
    return out;
}

std::string hex_upper_colons(ByteView bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 3);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i != 0) {
            out.push_back(':');
        }
        out.push_back(kDigits[bytes[i] >> 4]);
        out.push_back(kDigits[bytes[i] & 0x0F]);
    }
    return out;
}

}  // namespace cp::pki
