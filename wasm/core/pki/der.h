// certportal pki (internal): a DER writer over Mbed TLS asn1write, and small DER readers.
//
// Mbed TLS writes ASN.1 backwards, from the end of a buffer: the last field first. DerWriter keeps
// that model (callers write a SEQUENCE's fields in reverse order, then close it with
// wrap(mark, tag)) but tracks errors in one flag instead of a macro per call, so that callers
// check once at the end. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pki/bytes.h"

typedef struct mbedtls_mpi mbedtls_mpi;

namespace cp::pki::der {

// Tags (universal class) used by the writers.
inline constexpr std::uint8_t kInteger = 0x02;
inline constexpr std::uint8_t kBitString = 0x03;
inline constexpr std::uint8_t kOctetString = 0x04;
inline constexpr std::uint8_t kNull = 0x05;
inline constexpr std::uint8_t kOid = 0x06;
inline constexpr std::uint8_t kEnumerated = 0x0A;
inline constexpr std::uint8_t kUtcTime = 0x17;
inline constexpr std::uint8_t kGeneralizedTime = 0x18;
inline constexpr std::uint8_t kSequence = 0x30;
inline constexpr std::uint8_t kSet = 0x31;
inline constexpr std::uint8_t kContext0Constructed = 0xA0;

class DerWriter {
public:
    explicit DerWriter(std::size_t capacity);
    ~DerWriter();
    DerWriter(const DerWriter&) = delete;
    DerWriter& operator=(const DerWriter&) = delete;

    // Bytes written so far (from the current position to the end).
    std::size_t size() const;
    bool ok() const { return ok_; }

    void raw(ByteView bytes);
    // Closes a constructed value: writes length and tag for everything written since `mark`
    // (a value of size() taken before its contents).
    void wrap(std::size_t mark, std::uint8_t tag);
    void integer(int value);
    void integer_raw(ByteView big_endian_positive);  // minimal positive INTEGER from magnitude bytes
    void oid(std::string_view oid_der);              // an MBEDTLS_OID_* string
    void null();
    void octet_string(ByteView bytes);
    void enumerated(int value);
    void time(std::int64_t unix_seconds);            // UTCTime before 2050, GeneralizedTime after

    // The finished encoding (copies out; the writer's buffer is wiped on destruction).
    Bytes take() const;
    ByteView view() const;

private:
    void check(int ret);
    Bytes buf_;
    std::uint8_t* p_;
    bool ok_ = true;
};

// DER contents read front to back, one TLV at a time; each TLV's contents are a Reader of their own
// (walking into a SEQUENCE is next(kSequence, inner)). Every PKI parser reads through this.
class Reader {
public:
    Reader() = default;
    explicit Reader(ByteView bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

    // The next TLV when its tag is `want`: its contents in `contents`. False for a malformed TLV,
    // another tag or nothing left (the reader is then of no further use).
    bool next(std::uint8_t want, Reader& contents);
    // The next TLV whatever its tag.
    bool next_any(std::uint8_t& tag, Reader& contents);
    bool at_end() const { return p_ == end_; }
    ByteView bytes() const { return {p_, static_cast<std::size_t>(end_ - p_)}; }
    std::size_t size() const { return static_cast<std::size_t>(end_ - p_); }

private:
    const std::uint8_t* p_ = nullptr;
    const std::uint8_t* end_ = nullptr;
};

}  // namespace cp::pki::der
