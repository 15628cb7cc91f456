#include "storage/byte_codec.h"

#include <cstring>

namespace cp {

void ByteWriter::u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void ByteWriter::u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void ByteWriter::bytes(std::span<const std::uint8_t> b) {
    u32(static_cast<std::uint32_t>(b.size()));
    raw(b);
}

void ByteWriter::str(std::string_view s) {
    bytes({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()});
}

bool ByteReader::take(std::size_t n) {
    if (failed_ || in_.size() - pos_ < n) {
        failed_ = true;
        return false;
    }
    return true;
}

std::uint8_t ByteReader::u8() {
    if (!take(1)) return 0;
    return in_[pos_++];
}

bool ByteReader::boolean() {
    const std::uint8_t v = u8();
    if (v > 1) failed_ = true;
    return v == 1;
}

std::uint32_t ByteReader::u32() {
    if (!take(4)) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(in_[pos_++]) << (8 * i);
    return v;
}

std::uint64_t ByteReader::u64() {
    if (!take(8)) return 0;
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(in_[pos_++]) << (8 * i);
    return v;
}

std::vector<std::uint8_t> ByteReader::bytes(std::size_t max_size) {
    const std::uint32_t n = u32();
    if (n > max_size) failed_ = true;
    if (failed_ || !take(n)) return {};
    std::vector<std::uint8_t> out(in_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                  in_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
    pos_ += n;
    return out;
}

std::string ByteReader::str(std::size_t max_size) {
    const auto b = bytes(max_size);
    return {b.begin(), b.end()};
}

bool ByteReader::raw(std::span<std::uint8_t> out) {
    if (!take(out.size())) return false;
    if (!out.empty()) std::memcpy(out.data(), in_.data() + pos_, out.size());
    pos_ += out.size();
    return true;
}

std::uint32_t ByteReader::count(std::uint32_t max_count) {
    const std::uint32_t n = u32();
    if (n > max_count) {
        failed_ = true;
        return 0;
    }
    return failed_ ? 0 : n;
}

}  // namespace cp
