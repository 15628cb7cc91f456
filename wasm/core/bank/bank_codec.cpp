#include "bank/bank_codec.h"

#include <array>
#include <concepts>
#include <string>
#include <type_traits>
#include <vector>

#include "storage/byte_codec.h"

namespace cp {
namespace {

constexpr std::size_t kMaxText = 4096;
constexpr std::uint32_t kMaxItems = 1u << 20;
constexpr std::size_t kMaxTokenKey = 64;

// Each saved record names its fields once, in their saved order, and both directions read that
// one list: `io` is a Put when encoding and a Get when decoding, so the two cannot disagree. A
// field whose C++ type has no wire form below does not compile: a type changed in bank_state.h
// cannot change the saved format unnoticed. (The audit entries are written by audit_log.cpp: their
// bytes are also what the hash chain covers.)
template <class T, class Record>
concept Of = std::same_as<std::remove_const_t<T>, Record>;

void fields(auto& io, Of<PinHash> auto& p) { io(p.salt, p.hash, p.iterations); }
void fields(auto& io, Of<CertificateRecord> auto& c) {
    io(c.issue_number, c.status, c.registered_at, c.serial, c.not_after, c.pickup_deadline, c.mails_sent);
}
void fields(auto& io, Of<CertificateSubject> auto& s) { io(s.contract_id, s.holder_id, s.kind); }
void fields(auto& io, Of<BankConfig> auto& c) {
    io(c.contract_lockout_count, c.user_lockout_count, c.pin_hash_iterations, c.certificate_validity_years,
       c.renewal_window_days, c.first_reminder_days, c.second_reminder_days, c.pickup_window_days,
       c.card_reissue_min_days, c.card_reissue_max_days, c.unlock_days, c.admin_reissue_days,
       c.notices_hidden_days, c.web_access_confirmations);
}
void fields(auto& io, Of<CustomerCard> auto& c) { io(c.numbers, c.generation, c.lost); }
void fields(auto& io, Of<Contract> auto& c) {
    io(c.id, c.company, c.branch, c.bank_code, c.contract_pin, c.confirmation_pin, c.contract_pin_failures,
       c.confirmation_pin_failures, c.card_failures, c.locked, c.card, c.admin_certificate,
       c.notices_hidden_until, c.last_admin_login);
}
void fields(auto& io, Of<TotpToken> auto& t) { io(t.serial, t.key, t.last_accepted_step); }
void fields(auto& io, Of<User> auto& u) {
    io(u.id, u.name, u.permissions, u.usage_started, u.suspended, u.accident, u.collection_blocked,
       u.collection_freeze_blocked, u.pin, u.pin_failures, u.token, u.certificate, u.last_login);
}
void fields(auto& io, Of<Mail> auto& m) { io(m.id, m.sent_at, m.kind, m.holder, m.about, m.read); }
void fields(auto& io, Of<BranchRequest> auto& q) { io(q.id, q.kind, q.submitted_at, q.ready_at, q.done); }
void fields(auto& io, Of<Issuance> auto& i) { io(i.serial, i.holder, i.pc, i.kind, i.issued_at, i.not_after); }

// Values an enum may take when read back: its Count_, or one past its last value.
template <class E>
constexpr std::uint8_t kEnumEnd = static_cast<std::uint8_t>(E::Count_);
template <>
constexpr std::uint8_t kEnumEnd<CertStatus> = static_cast<std::uint8_t>(CertStatus::Expired) + 1;
template <>
constexpr std::uint8_t kEnumEnd<HolderKind> = static_cast<std::uint8_t>(HolderKind::User) + 1;
template <>
constexpr std::uint8_t kEnumEnd<TlsVersion> = static_cast<std::uint8_t>(TlsVersion::Tls13) + 1;
template <>
constexpr std::uint8_t kEnumEnd<KeyProtection> = static_cast<std::uint8_t>(KeyProtection::High) + 1;

template <class T>
constexpr bool kIsByteArray = false;
template <std::size_t N>
constexpr bool kIsByteArray<std::array<std::uint8_t, N>> = true;
template <class T>
constexpr bool kIsList = false;
template <class T>
constexpr bool kIsList<std::vector<T>> = true;

// What a record read back must also satisfy (beyond its wire form), and old forms brought up to date.
void after_get(ByteReader& r, BankConfig& c) {
    // The slot held a number of days (365) before the validity became a calendar year: a world
    // saved then reads as the one year it meant. Anything else beyond a few years is not ours.
    if (c.certificate_validity_years == 365) c.certificate_validity_years = 1;
    if (c.certificate_validity_years == 0 || c.certificate_validity_years > 10) r.fail();
}
void after_get(ByteReader& r, CustomerCard& c) {
    for (std::uint8_t n : c.numbers)
        if (n > 99) r.fail();
}
void after_get(ByteReader&, User& u) { u.permissions &= kAllPermissions; }
void after_get(ByteReader&, auto&) {}

struct Put {
    ByteWriter& w;
    template <class... T>
    void operator()(const T&... v) { (one(v), ...); }

    template <class T>
    void one(const T& v) {
        if constexpr (std::is_same_v<T, bool>) w.boolean(v);
        else if constexpr (std::is_same_v<T, std::uint8_t>) w.u8(v);
        else if constexpr (std::is_same_v<T, std::uint32_t>) w.u32(v);
        else if constexpr (std::is_same_v<T, std::int64_t>) w.i64(v);
        else if constexpr (std::is_same_v<T, std::string>) w.str(v);
        else if constexpr (std::is_same_v<T, Holder>) w.str(v.saved());
        else if constexpr (std::is_same_v<T, pki::SecretBytes>) w.bytes(v.view());
        else if constexpr (kIsByteArray<T>) w.raw(v);
        else if constexpr (std::is_enum_v<T>) {
            static_assert(std::is_same_v<std::underlying_type_t<T>, std::uint8_t>, "saved enums are one byte");
            w.u8(static_cast<std::uint8_t>(v));
        } else if constexpr (kIsList<T>) {
            w.u32(static_cast<std::uint32_t>(v.size()));
            for (const auto& item : v) one(item);
        } else {
            fields(*this, v);
        }
    }
};

struct Get {
    ByteReader& r;
    template <class... T>
    void operator()(T&... v) { (one(v), ...); }

    template <class T>
    void one(T& v) {
        if constexpr (std::is_same_v<T, bool>) v = r.boolean();
        else if constexpr (std::is_same_v<T, std::uint8_t>) v = r.u8();
        else if constexpr (std::is_same_v<T, std::uint32_t>) v = r.u32();
        else if constexpr (std::is_same_v<T, std::int64_t>) v = r.i64();
        else if constexpr (std::is_same_v<T, std::string>) v = r.str(kMaxText);
        else if constexpr (std::is_same_v<T, Holder>) v = Holder::from_saved(r.str(kMaxText));
        else if constexpr (std::is_same_v<T, pki::SecretBytes>) v = pki::SecretBytes(r.bytes(kMaxTokenKey));
        else if constexpr (kIsByteArray<T>) r.raw(v);
        else if constexpr (std::is_enum_v<T>) {
            const std::uint8_t e = r.u8();
            if (e >= kEnumEnd<T>) r.fail();
            v = static_cast<T>(e);
        } else if constexpr (kIsList<T>) {
            const std::uint32_t n = r.count(kMaxItems);
            v.clear();
            for (std::uint32_t i = 0; i < n && !r.failed(); ++i) one(v.emplace_back());
        } else {
            fields(*this, v);
            after_get(r, v);
        }
    }
};

}  // namespace

std::vector<std::uint8_t> encode_bank_state(const BankState& s) {
    ByteWriter w;
    Put put{w};
    put(s.config, s.now, s.contract, s.users, s.mailbox, s.branch_requests, s.next_mail_id, s.next_request_id);
    const auto& audit = s.audit.entries();
    w.u32(static_cast<std::uint32_t>(audit.size()));
    for (const AuditEntry& e : audit) {
        encode_audit_entry_body(w, e);
        w.raw(e.hash);
    }
    put(s.issuances);  // format 2: the issuances awaiting installation
    put(s.config.tls_version);  // format 3: the login server's TLS version
    return w.take();
}

PersistResult decode_bank_state(std::span<const std::uint8_t> payload, BankState& out, std::uint16_t version) {
    ByteReader r(payload);
    BankState s;
    Get get{r};
    get(s.config, s.now, s.contract, s.users, s.mailbox, s.branch_requests, s.next_mail_id, s.next_request_id);
    const std::uint32_t entries = r.count(kMaxItems);
    std::vector<AuditEntry> audit;
    for (std::uint32_t i = 0; i < entries && !r.failed(); ++i) {
        AuditEntry e;
        e.sequence = r.u64();
        e.time = r.i64();
        e.actor = r.str(kMaxText);
        get(e.action, e.target);
        const std::uint8_t result = r.u8();  // a code of any layer (result/flow_result.h)
        if (result >= kResultCodeCount) r.fail();
        e.result = FlowResult::from_saved(result);
        r.raw(e.hash);
        audit.push_back(std::move(e));
    }
    s.audit.restore(std::move(audit));
    if (version >= 2) get(s.issuances);
    if (version >= 3) get(s.config.tls_version);  // before: the default (TLS 1.3)
    if (r.failed() || !r.at_end()) return PersistResult::StateCorrupted;
    out = std::move(s);
    return PersistResult::Ok;
}

// The certificate's half of an installed certificate (its key is saved beside it, in its own record).
std::vector<std::uint8_t> encode_certificate_part(const InstalledCertificate& c) {
    ByteWriter w;
    Put{w}(c.serial, c.subject, c.not_before, c.not_after, c.protection);
    w.bytes(c.certificate);
    return w.take();
}

PersistResult decode_certificate_part(std::span<const std::uint8_t> payload, InstalledCertificate& out) {
    ByteReader r(payload);
    InstalledCertificate c;
    Get{r}(c.serial, c.subject, c.not_before, c.not_after, c.protection);
    c.certificate = r.bytes(1u << 20);
    if (r.failed() || !r.at_end()) return PersistResult::StateCorrupted;
    out = std::move(c);
    return PersistResult::Ok;
}

}  // namespace cp
