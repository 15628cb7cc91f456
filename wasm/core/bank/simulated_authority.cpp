#include "bank/simulated_authority.h"

#include <array>
#include <cstdio>

namespace cp {

BankResult SimulatedAuthority::issue(const IssueRequest& request, InstalledCertificate& out) {
    if (fail_next_issue_) {
        fail_next_issue_ = false;
        return BankResult::IssuingFailed;
    }
    char serial[24];
    std::snprintf(serial, sizeof serial, "%016llX", static_cast<unsigned long long>(next_serial_++));
    SecureBytes key(32);
    random_.fill({key.data(), key.size()});

    out = InstalledCertificate{};
    out.serial = serial;
    out.subject = request.subject;
    out.not_before = request.not_before;
    out.not_after = request.not_after;
    out.protection = request.protection;
    const std::string body = "SIMULATED CERTIFICATE " + out.serial + " " + request.subject.display_name();
    out.certificate.assign(body.begin(), body.end());
    out.protected_key = key;

    Entry e;
    e.subject = request.subject;
    e.not_after = request.not_after;
    e.key_digest = sha256(key.view());
    ledger_[out.serial] = e;
    return BankResult::Ok;
}

BankResult SimulatedAuthority::revoke(std::string_view serial, SimTime) {
    const auto it = ledger_.find(std::string(serial));
    if (it == ledger_.end()) return BankResult::CertificateUnknown;
    it->second.revoked = true;
    return BankResult::Ok;
}

BankResult SimulatedAuthority::verify_login(const InstalledCertificate& certificate, SimTime now) {
    const auto it = ledger_.find(certificate.serial);
    if (it == ledger_.end() || it->second.subject != certificate.subject) return BankResult::CertificateUnknown;
    if (!constant_time_equal(sha256(certificate.protected_key.view()), it->second.key_digest))
        return BankResult::CertificateUnknown;
    if (it->second.revoked) return BankResult::CertificateRevoked;
    if (now >= it->second.not_after) return BankResult::CertificateExpired;
    return BankResult::Ok;
}

bool SimulatedAuthority::is_revoked(std::string_view serial) const {
    const auto it = ledger_.find(std::string(serial));
    return it != ledger_.end() && it->second.revoked;
}

void SimulatedAuthority::encode(ByteWriter& w) const {
    w.u64(next_serial_);
    w.u32(static_cast<std::uint32_t>(ledger_.size()));
    for (const auto& [serial, e] : ledger_) {
        w.str(serial);
        w.str(e.subject.contract_id);
        w.str(e.subject.holder_id);
        w.u8(static_cast<std::uint8_t>(e.subject.kind));
        w.i64(e.not_after);
        w.raw(e.key_digest);
        w.boolean(e.revoked);
    }
}

bool SimulatedAuthority::decode(ByteReader& r) {
    std::map<std::string, Entry> ledger;
    const std::uint64_t next = r.u64();
    const std::uint32_t n = r.count(1u << 20);
    for (std::uint32_t i = 0; i < n && !r.failed(); ++i) {
        std::string serial = r.str(64);
        Entry e;
        e.subject.contract_id = r.str(64);
        e.subject.holder_id = r.str(64);
        const std::uint8_t kind = r.u8();
        if (kind > 1) r.fail();
        e.subject.kind = static_cast<HolderKind>(kind);
        e.not_after = r.i64();
        r.raw(e.key_digest);
        e.revoked = r.boolean();
        ledger[serial] = e;
    }
    if (r.failed()) return false;
    ledger_ = std::move(ledger);
    next_serial_ = next;
    return true;
}

}  // namespace cp
