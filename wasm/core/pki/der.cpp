// certportal pki (internal): DER writer over Mbed TLS asn1write.
#include "pki/der.h"

#include <mbedtls/asn1write.h>

#include "pki/time.h"

namespace cp::pki::der {

DerWriter::DerWriter(std::size_t capacity) : buf_(capacity), p_(buf_.data() + buf_.size()) {}

DerWriter::~DerWriter() { secure_wipe(buf_.data(), buf_.size()); }

std::size_t DerWriter::size() const {
    return static_cast<std::size_t>(buf_.data() + buf_.size() - p_);
}

void DerWriter::check(int ret) {
    if (ret < 0) {
        ok_ = false;
    }
}

void DerWriter::raw(ByteView bytes) {
    if (!ok_) return;
    check(mbedtls_asn1_write_raw_buffer(&p_, buf_.data(), bytes.data(), bytes.size()));
}

void DerWriter::wrap(std::size_t mark, std::uint8_t tag) {
    if (!ok_) return;
    if (size() < mark) {
        ok_ = false;
        return;
    }
    check(mbedtls_asn1_write_len(&p_, buf_.data(), size() - mark));
    if (!ok_) return;
    check(mbedtls_asn1_write_tag(&p_, buf_.data(), tag));
}

void DerWriter::integer(int value) {
    if (!ok_) return;
    check(mbedtls_asn1_write_int(&p_, buf_.data(), value));
}

void DerWriter::integer_raw(ByteView magnitude) {
    if (!ok_) return;
    std::size_t skip = 0;
    while (skip + 1 < magnitude.size() && magnitude[skip] == 0) {
        ++skip;
    }
    const ByteView digits = magnitude.subspan(skip);
    if (digits.empty()) {
        ok_ = false;
        return;
    }
    const std::size_t mark = size();
    raw(digits);
    if (digits[0] & 0x80) {
        const std::uint8_t zero = 0;
        raw(ByteView(&zero, 1));
    }
    wrap(mark, kInteger);
}

void DerWriter::oid(std::string_view oid_der) {
    if (!ok_) return;
    check(mbedtls_asn1_write_oid(&p_, buf_.data(), oid_der.data(), oid_der.size()));
}

void DerWriter::null() {
    if (!ok_) return;
    check(mbedtls_asn1_write_null(&p_, buf_.data()));
}

void DerWriter::octet_string(ByteView bytes) {
    const std::size_t mark = size();
    raw(bytes);
    wrap(mark, kOctetString);
}

void DerWriter::enumerated(int value) {
    if (!ok_) return;
    check(mbedtls_asn1_write_enum(&p_, buf_.data(), value));
}

void DerWriter::time(std::int64_t unix_seconds) {
    if (unix_seconds < kMinX509Time || unix_seconds > kMaxX509Time) {
        ok_ = false;
        return;
    }
    // RFC 5280 4.1.2.5: UTCTime (YYMMDDHHMMSSZ) through 2049, GeneralizedTime from 2050.
    const std::string full = x509_time_string(unix_seconds) + "Z";
    const int year = civil_from_unix(unix_seconds).year;
    const bool utc = year < 2050;
    const std::string text = utc ? full.substr(2) : full;
    const std::size_t mark = size();
    raw(as_bytes(text));
    wrap(mark, utc ? kUtcTime : kGeneralizedTime);
}

Bytes DerWriter::take() const {
    const ByteView v = view();
    return Bytes(v.begin(), v.end());
}

ByteView DerWriter::view() const { return ByteView(p_, size()); }


namespace {

// Reads one TLV at `p` (< end): on success sets tag, content pointer/length and advances p past it.
bool read_tlv(const std::uint8_t*& p, const std::uint8_t* end, std::uint8_t& tag,
              const std::uint8_t*& content, std::size_t& length) {
    if (p == nullptr || end == nullptr || p >= end) return false;
    tag = *p;
    if ((tag & 0x1F) == 0x1F) return false;  // high tag numbers: not used by anything we read
    const std::uint8_t* q = p + 1;
    if (q >= end) return false;
    std::size_t len = 0;
    const std::uint8_t first = *q++;
    if (first < 0x80) {
        len = first;
    } else {
        const unsigned n = first & 0x7Fu;
        if (n == 0 || n > 3) return false;  // indefinite or absurd lengths (inputs are <= 64 KiB)
        if (static_cast<std::size_t>(end - q) < n) return false;
        for (unsigned i = 0; i < n; ++i) {
            len = (len << 8) | *q++;
        }
        if (len < 0x80) return false;  // not minimal (DER)
    }
    if (static_cast<std::size_t>(end - q) < len) return false;
    content = q;
    length = len;
    p = q + len;
    return true;
}

}  // namespace

bool Reader::next_any(std::uint8_t& tag, Reader& contents) {
    const std::uint8_t* c = nullptr;
    std::size_t len = 0;
    if (!read_tlv(p_, end_, tag, c, len)) return false;
    contents.p_ = c;
    contents.end_ = c + len;
    return true;
}

bool Reader::next(std::uint8_t want, Reader& contents) {
    std::uint8_t tag = 0;
    return next_any(tag, contents) && tag == want;
}

}  // namespace cp::pki::der
