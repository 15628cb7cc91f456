#include "storage/record_envelope.h"

#include <cstring>

#include "storage/byte_codec.h"
#include "crypto/digest.h"

namespace cp {
namespace {
constexpr std::uint8_t kRecordMagic[4] = {'C', 'P', 'R', 'C'};
constexpr std::size_t kHeader = 4 + 2 + 1 + 4;
}  // namespace

const char* record_error_name(RecordError error) {
    switch (error) {
    case RecordError::None: return "None";
    case RecordError::NotARecord: return "NotARecord";
    case RecordError::WrongKind: return "WrongKind";
    case RecordError::Corrupted: return "Corrupted";
    case RecordError::NewerFormat: return "NewerFormat";
    }
    return "?";
}

std::vector<std::uint8_t> wrap_record(RecordKind kind, std::span<const std::uint8_t> payload, std::uint16_t version) {
    ByteWriter w;
    w.raw(kRecordMagic);
    w.u8(static_cast<std::uint8_t>(version & 0xFF));
    w.u8(static_cast<std::uint8_t>(version >> 8));
    w.u8(static_cast<std::uint8_t>(kind));
    w.bytes(payload);
    const Sha256Digest digest = sha256(w.data());
    w.raw(digest);
    return w.take();
}

RecordError unwrap_record(std::span<const std::uint8_t> record, RecordKind expected, std::vector<std::uint8_t>& payload,
                          std::uint16_t* version) {
    if (record.size() < 4 || std::memcmp(record.data(), kRecordMagic, 4) != 0) return RecordError::NotARecord;
    if (record.size() < kHeader + 32) return RecordError::Corrupted;
    const std::size_t body = record.size() - 32;
    if (!constant_time_equal(sha256(record.first(body)), record.subspan(body))) return RecordError::Corrupted;
    ByteReader r(record.first(body));
    std::uint8_t magic[4];
    r.raw(magic);
    const std::uint16_t v = static_cast<std::uint16_t>(r.u8() | (r.u8() << 8));
    const std::uint8_t kind = r.u8();
    std::vector<std::uint8_t> inner = r.bytes(body);
    if (r.failed() || !r.at_end()) return RecordError::Corrupted;
    if (v > kRecordFormatVersion) return RecordError::NewerFormat;
    if (kind != static_cast<std::uint8_t>(expected)) return RecordError::WrongKind;
    payload = std::move(inner);
    if (version != nullptr) *version = v;
    return RecordError::None;
}

}  // namespace cp
