// certportal pki: byte buffers, and buffers for secrets that wipe themselves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cp::pki {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Overwrites memory in a way the optimizer keeps (mbedtls_platform_zeroize).
void secure_wipe(void* data, std::size_t size);

// A byte buffer for secrets (private keys, PIN-hash inputs, TOTP keys): wiped with
// mbedtls_platform_zeroize when it is cleared, reassigned or destroyed, so key material does not
// linger in freed memory. Moves leave the source empty. Copies are deep, for records that hold a
// secret and are themselves copied and compared (InstalledCertificate, TotpToken): a copy
// assignment wipes the old contents before it overwrites them.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(ByteView bytes) : bytes_(bytes.begin(), bytes.end()) {}
    explicit SecretBytes(Bytes&& bytes) : bytes_(std::move(bytes)) {}
    // A zero-filled buffer of `size` bytes, to be filled through mutable_data().
    explicit SecretBytes(std::size_t size) : bytes_(size, 0) {}
    ~SecretBytes() { clear(); }
    SecretBytes(const SecretBytes& other) : bytes_(other.bytes_) {}
    SecretBytes& operator=(const SecretBytes& other) {
        if (this != &other) assign(other.view());
        return *this;
    }
    SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)) { other.bytes_.clear(); }
    SecretBytes& operator=(SecretBytes&& other) noexcept {
        if (this != &other) {
            clear();
            bytes_ = std::move(other.bytes_);
            other.bytes_.clear();
        }
        return *this;
    }

    void assign(ByteView bytes) {
        clear();
        bytes_.assign(bytes.begin(), bytes.end());
    }
    // A zero-filled buffer of `size` bytes (wipes the previous content first).
    void reset_to_zeros(std::size_t size) {
        clear();
        bytes_.assign(size, 0);
    }
    std::uint8_t* mutable_data() { return bytes_.data(); }
    void clear() {
        secure_wipe(bytes_.data(), bytes_.size());
        bytes_.clear();
    }
    ByteView view() const { return bytes_; }
    const std::uint8_t* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size(); }
    bool empty() const { return bytes_.empty(); }
    // Not constant-time: for records and tests, not for checking a secret someone typed.
    bool operator==(const SecretBytes& other) const { return bytes_ == other.bytes_; }

private:
    Bytes bytes_;
};

inline ByteView as_bytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}
inline std::string to_string(ByteView bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Lower-case hex without separators ("0a1b...") and with colons ("0A:1B:...", fingerprints).
std::string hex_lower(ByteView bytes);
std::string hex_upper_colons(ByteView bytes);

}  // namespace cp::pki
