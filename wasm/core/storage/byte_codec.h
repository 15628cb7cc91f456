// certportal storage: the little-endian, length-prefixed byte encoding used by the bank's saved
// records and by the audit hash chain. The reader never reads past its input: any short or
// oversized field sets a sticky failure flag and every later read returns zero/empty, so a
// corrupted record gives a clear error at the end of decoding, never a crash.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cp {

class ByteWriter {
public:
    void u8(std::uint8_t v) { out_.push_back(v); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    void u32(std::uint32_t v);
    void u64(std::uint64_t v);
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void bytes(std::span<const std::uint8_t> b);  // u32 length + bytes
    void str(std::string_view s);                 // u32 length + UTF-8 bytes
    void raw(std::span<const std::uint8_t> b) { out_.insert(out_.end(), b.begin(), b.end()); }
    const std::vector<std::uint8_t>& data() const { return out_; }
    std::vector<std::uint8_t> take() { return std::move(out_); }

private:
    std::vector<std::uint8_t> out_;
};

class ByteReader {
public:
    explicit ByteReader(std::span<const std::uint8_t> in) : in_(in) {}
    std::uint8_t u8();
    bool boolean();                // only 0 or 1 are valid
    std::uint32_t u32();
    std::uint64_t u64();
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    std::vector<std::uint8_t> bytes(std::size_t max_size);
    std::string str(std::size_t max_size);
    bool raw(std::span<std::uint8_t> out);
    // Count of a following list, refused above max_count (guards allocations on bad input).
    std::uint32_t count(std::uint32_t max_count);
    void fail() { failed_ = true; }
    bool failed() const { return failed_; }
    bool at_end() const { return pos_ == in_.size(); }
    std::size_t position() const { return pos_; }

private:
    bool take(std::size_t n);
    std::span<const std::uint8_t> in_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

}  // namespace cp
