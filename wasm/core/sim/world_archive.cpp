#include "sim/world_archive.h"

#include "bank/bank_codec.h"
#include "storage/byte_codec.h"
#include "storage/record_envelope.h"

namespace cp {
namespace {

constexpr std::string_view kTag = "certportal-world";
// Guards against absurd counts in a damaged file before anything is allocated.
constexpr std::uint32_t kMaxPcs = 64;
constexpr std::uint32_t kMaxCertificates = 4096;
constexpr std::size_t kMaxPart = 16u << 20;

}  // namespace

const char* archive_error_name(ArchiveError error) {
    switch (error) {
    case ArchiveError::None: return "None";
    case ArchiveError::NotAnArchive: return "NotAnArchive";
    case ArchiveError::Damaged: return "Damaged";
    case ArchiveError::NewerFormat: return "NewerFormat";
    case ArchiveError::MissingPc: return "MissingPc";
    case ArchiveError::AuditChainBroken: return "AuditChainBroken";
    case ArchiveError::Count_: break;
    }
    return "?";
}

std::size_t device_sealed_key_count(const WorldArchive& world) {
    std::size_t n = 0;
    for (const PcCertificateStore& pc : world.pcs)
        for (const InstalledCertificate& c : pc.certificates) n += c.protection == KeyProtection::Medium ? 1 : 0;
    return n;
}

pki::SecretBytes encode_world_archive(const WorldArchive& world) {
    ByteWriter w;
    w.str(kTag);
    w.u32(static_cast<std::uint32_t>(device_sealed_key_count(world)));
    w.bytes(encode_bank_state(world.bank));
    w.bytes(world.authority.view());
    w.u32(static_cast<std::uint32_t>(world.pcs.size()));
    for (const PcCertificateStore& pc : world.pcs) {
        w.str(pc.name);
        w.u32(static_cast<std::uint32_t>(pc.certificates.size()));
        for (const InstalledCertificate& c : pc.certificates) {
            w.bytes(encode_certificate_part(c));
            w.bytes(c.protected_key.view());
        }
    }
    std::vector<std::uint8_t> payload = w.take();
    pki::SecretBytes file(wrap_record(RecordKind::WorldArchive, payload));
    pki::secure_wipe(payload.data(), payload.size());
    return file;
}

ArchiveError decode_world_archive(std::span<const std::uint8_t> file, WorldArchive& out) {
    std::vector<std::uint8_t> payload;
    std::uint16_t version = 0;
    switch (unwrap_record(file, RecordKind::WorldArchive, payload, &version)) {
    case RecordError::None: break;
    case RecordError::NotARecord:
    case RecordError::WrongKind: return ArchiveError::NotAnArchive;
    case RecordError::Corrupted: return ArchiveError::Damaged;
    case RecordError::NewerFormat: return ArchiveError::NewerFormat;
    }
    pki::SecretBytes guard(std::move(payload));  // wiped whatever happens below
    ByteReader r(guard.view());
    if (r.str(kTag.size()) != kTag) return ArchiveError::NotAnArchive;
    const std::uint32_t sealed = r.u32();
    WorldArchive world;
    const std::vector<std::uint8_t> state = r.bytes(kMaxPart);
    if (r.failed() || decode_bank_state(state, world.bank, version) != FlowResult::Ok) return ArchiveError::Damaged;
    std::vector<std::uint8_t> ca = r.bytes(kMaxPart);
    world.authority = pki::SecretBytes(std::move(ca));
    const std::uint32_t pcs = r.count(kMaxPcs);
    for (std::uint32_t i = 0; i < pcs && !r.failed(); ++i) {
        PcCertificateStore pc;
        pc.name = r.str(256);
        const std::uint32_t n = r.count(kMaxCertificates);
        for (std::uint32_t k = 0; k < n && !r.failed(); ++k) {
            InstalledCertificate c;
            const std::vector<std::uint8_t> part = r.bytes(kMaxPart);
            std::vector<std::uint8_t> key = r.bytes(kMaxPart);
            if (r.failed() || decode_certificate_part(part, c) != FlowResult::Ok) return ArchiveError::Damaged;
            c.protected_key = pki::SecretBytes(std::move(key));
            // A PC's store is keyed by serial (persistence.h): two certificates with one serial
            // cannot be saved, so the file is not one this program wrote.
            if (pc.find(c.serial) != nullptr) return ArchiveError::Damaged;
            pc.certificates.push_back(std::move(c));
        }
        world.pcs.push_back(std::move(pc));
    }
    if (r.failed() || !r.at_end() || world.authority.empty() || sealed != device_sealed_key_count(world))
        return ArchiveError::Damaged;
    for (std::string_view name : {kAdminPcName, kUserPcName}) {
        bool found = false;
        for (const PcCertificateStore& pc : world.pcs) found = found || pc.name == name;
        if (!found) return ArchiveError::MissingPc;
    }
    if (!world.bank.audit.verify()) return ArchiveError::AuditChainBroken;
    out = std::move(world);
    return ArchiveError::None;
}

}  // namespace cp
