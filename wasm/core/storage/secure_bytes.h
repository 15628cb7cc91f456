// certportal storage: a byte buffer for secrets (PIN hashes' inputs, TOTP keys) that is wiped with
// mbedtls_platform_zeroize when it is cleared, reassigned or destroyed, so key material does not
// linger in freed memory. The C++ form of Mbed TLS's init/free pairs: construction is init,
// the destructor is free.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cp {

void secure_wipe(void* data, std::size_t size);

class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::span<const std::uint8_t> bytes) : bytes_(bytes.begin(), bytes.end()) {}
    explicit SecureBytes(std::size_t size) : bytes_(size, 0) {}
    SecureBytes(const SecureBytes& other) : bytes_(other.bytes_) {}
    SecureBytes(SecureBytes&& other) noexcept : bytes_(std::move(other.bytes_)) { other.bytes_.clear(); }
    SecureBytes& operator=(const SecureBytes& other) {
        if (this != &other) { clear(); bytes_ = other.bytes_; }
        return *this;
    }
    SecureBytes& operator=(SecureBytes&& other) noexcept {
        if (this != &other) { clear(); bytes_ = std::move(other.bytes_); other.bytes_.clear(); }
        return *this;
    }
    ~SecureBytes() { clear(); }

    void clear() {
        if (!bytes_.empty()) secure_wipe(bytes_.data(), bytes_.size());
        bytes_.clear();
    }
    std::size_t size() const { return bytes_.size(); }
    bool empty() const { return bytes_.empty(); }
    std::uint8_t* data() { return bytes_.data(); }
    const std::uint8_t* data() const { return bytes_.data(); }
    std::span<const std::uint8_t> view() const { return {bytes_.data(), bytes_.size()}; }
    bool operator==(const SecureBytes& other) const { return bytes_ == other.bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
};

}  // namespace cp
