#include "bank/bank_codec.h"

#include "storage/byte_codec.h"

namespace cp {
namespace {

constexpr std::size_t kMaxText = 4096;
constexpr std::uint32_t kMaxItems = 1u << 20;

void put_pin(ByteWriter& w, const PinHash& p) {
    w.raw(p.salt);
    w.raw(p.hash);
    w.u32(p.iterations);
}
void get_pin(ByteReader& r, PinHash& p) {
    r.raw(p.salt);
    r.raw(p.hash);
    p.iterations = r.u32();
}

void put_record(ByteWriter& w, const CertificateRecord& c) {
    w.u32(c.issue_number);
    w.u8(static_cast<std::uint8_t>(c.status));
    w.i64(c.registered_at);
    w.str(c.serial);
    w.i64(c.not_after);
    w.i64(c.pickup_deadline);
    w.u8(c.mails_sent);
}
template <typename E>
E get_enum(ByteReader& r, E count) {
    const std::uint8_t v = r.u8();
    if (v >= static_cast<std::uint8_t>(count)) r.fail();
    return static_cast<E>(v);
}
void get_record(ByteReader& r, CertificateRecord& c) {
    c.issue_number = r.u32();
    const std::uint8_t s = r.u8();
    if (s > static_cast<std::uint8_t>(CertStatus::Expired)) r.fail();
    c.status = static_cast<CertStatus>(s);
    c.registered_at = r.i64();
    c.serial = r.str(kMaxText);
    c.not_after = r.i64();
    c.pickup_deadline = r.i64();
    c.mails_sent = r.u8();
}

void put_config(ByteWriter& w, const BankConfig& c) {
    for (std::uint32_t v : {c.contract_lockout_count, c.user_lockout_count, c.pin_hash_iterations,
                            c.certificate_validity_years, c.renewal_window_days, c.first_reminder_days,
                            c.second_reminder_days, c.pickup_window_days, c.card_reissue_min_days,
                            c.card_reissue_max_days, c.unlock_days, c.admin_reissue_days, c.notices_hidden_days,
                            c.web_access_confirmations})
        w.u32(v);
}
void get_config(ByteReader& r, BankConfig& c) {
    for (std::uint32_t* v : {&c.contract_lockout_count, &c.user_lockout_count, &c.pin_hash_iterations,
                             &c.certificate_validity_years, &c.renewal_window_days, &c.first_reminder_days,
                             &c.second_reminder_days, &c.pickup_window_days, &c.card_reissue_min_days,
                             &c.card_reissue_max_days, &c.unlock_days, &c.admin_reissue_days, &c.notices_hidden_days,
                             &c.web_access_confirmations})
        *v = r.u32();
    // The slot held a number of days (365) before the validity became a calendar year: a world
    // saved then reads as the one year it meant. Anything else beyond a few years is not ours.
    if (c.certificate_validity_years == 365) c.certificate_validity_years = 1;
    if (c.certificate_validity_years == 0 || c.certificate_validity_years > 10) r.fail();
}

void put_subject(ByteWriter& w, const CertificateSubject& s) {
    w.str(s.contract_id);
    w.str(s.holder_id);
    w.u8(static_cast<std::uint8_t>(s.kind));
}
void get_subject(ByteReader& r, CertificateSubject& s) {
    s.contract_id = r.str(kMaxText);
    s.holder_id = r.str(kMaxText);
    const std::uint8_t k = r.u8();
    if (k > 1) r.fail();
    s.kind = static_cast<HolderKind>(k);
}

}  // namespace

std::vector<std::uint8_t> encode_bank_state(const BankState& s) {
    ByteWriter w;
    put_config(w, s.config);
    w.i64(s.now);
    const Contract& c = s.contract;
    w.str(c.id);
    w.str(c.company);
    w.str(c.branch);
    w.str(c.bank_code);
    put_pin(w, c.contract_pin);
    put_pin(w, c.confirmation_pin);
    w.u32(c.contract_pin_failures);
    w.u32(c.confirmation_pin_failures);
    w.u32(c.card_failures);
    w.boolean(c.locked);
    w.raw(c.card.numbers);
    w.u32(c.card.generation);
    w.boolean(c.card.lost);
    put_record(w, c.admin_certificate);
    w.i64(c.notices_hidden_until);
    w.i64(c.last_admin_login);

    w.u32(static_cast<std::uint32_t>(s.users.size()));
    for (const User& u : s.users) {
        w.str(u.id);
        w.str(u.name);
        w.u32(u.permissions);
        for (bool b : {u.usage_started, u.suspended, u.accident, u.collection_blocked, u.collection_freeze_blocked})
            w.boolean(b);
        put_pin(w, u.pin);
        w.u32(u.pin_failures);
        w.str(u.token.serial);
        w.bytes(u.token.key.view());
        w.i64(u.token.last_accepted_step);
        put_record(w, u.certificate);
        w.i64(u.last_login);
    }
    w.u32(static_cast<std::uint32_t>(s.mailbox.size()));
    for (const Mail& m : s.mailbox) {
        w.u32(m.id);
        w.i64(m.sent_at);
        w.u8(static_cast<std::uint8_t>(m.kind));
        w.str(m.holder);
        w.i64(m.about);
        w.boolean(m.read);
    }
    w.u32(static_cast<std::uint32_t>(s.branch_requests.size()));
    for (const BranchRequest& q : s.branch_requests) {
        w.u32(q.id);
        w.u8(static_cast<std::uint8_t>(q.kind));
        w.i64(q.submitted_at);
        w.i64(q.ready_at);
        w.boolean(q.done);
    }
    w.u32(s.next_mail_id);
    w.u32(s.next_request_id);
    const auto& audit = s.audit.entries();
    w.u32(static_cast<std::uint32_t>(audit.size()));
    for (const AuditEntry& e : audit) {
        encode_audit_entry_body(w, e);
        w.raw(e.hash);
    }
    // Format 2: the issuances awaiting installation.
    w.u32(static_cast<std::uint32_t>(s.issuances.size()));
    for (const Issuance& i : s.issuances) {
        w.str(i.serial);
        w.str(i.holder.saved());
        w.str(i.pc);
        w.u8(static_cast<std::uint8_t>(i.kind));
        w.i64(i.issued_at);
        w.i64(i.not_after);
    }
    return w.take();
}

PersistResult decode_bank_state(std::span<const std::uint8_t> payload, BankState& out, std::uint16_t version) {
    ByteReader r(payload);
    BankState s;
    get_config(r, s.config);
    s.now = r.i64();
    Contract& c = s.contract;
    c.id = r.str(kMaxText);
    c.company = r.str(kMaxText);
    c.branch = r.str(kMaxText);
    c.bank_code = r.str(kMaxText);
    get_pin(r, c.contract_pin);
    get_pin(r, c.confirmation_pin);
    c.contract_pin_failures = r.u32();
    c.confirmation_pin_failures = r.u32();
    c.card_failures = r.u32();
    c.locked = r.boolean();
    r.raw(c.card.numbers);
    for (std::uint8_t n : c.card.numbers)
        if (n > 99) r.fail();
    c.card.generation = r.u32();
    c.card.lost = r.boolean();
    get_record(r, c.admin_certificate);
    c.notices_hidden_until = r.i64();
    c.last_admin_login = r.i64();

    const std::uint32_t users = r.count(kMaxItems);
    for (std::uint32_t i = 0; i < users && !r.failed(); ++i) {
        User u;
        u.id = r.str(kMaxText);
        u.name = r.str(kMaxText);
        u.permissions = r.u32() & kAllPermissions;
        for (bool* b : {&u.usage_started, &u.suspended, &u.accident, &u.collection_blocked, &u.collection_freeze_blocked})
            *b = r.boolean();
        get_pin(r, u.pin);
        u.pin_failures = r.u32();
        u.token.serial = r.str(kMaxText);
        const auto key = r.bytes(64);
        u.token.key = pki::SecretBytes(key);
        u.token.last_accepted_step = r.i64();
        get_record(r, u.certificate);
        u.last_login = r.i64();
        s.users.push_back(std::move(u));
    }
    const std::uint32_t mails = r.count(kMaxItems);
    for (std::uint32_t i = 0; i < mails && !r.failed(); ++i) {
        Mail m;
        m.id = r.u32();
        m.sent_at = r.i64();
        m.kind = get_enum(r, MailKind::Count_);
        m.holder = r.str(kMaxText);
        m.about = r.i64();
        m.read = r.boolean();
        s.mailbox.push_back(std::move(m));
    }
    const std::uint32_t requests = r.count(kMaxItems);
    for (std::uint32_t i = 0; i < requests && !r.failed(); ++i) {
        BranchRequest q;
        q.id = r.u32();
        q.kind = get_enum(r, BranchRequestKind::Count_);
        q.submitted_at = r.i64();
        q.ready_at = r.i64();
        q.done = r.boolean();
        s.branch_requests.push_back(q);
    }
    s.next_mail_id = r.u32();
    s.next_request_id = r.u32();
    const std::uint32_t entries = r.count(kMaxItems);
    std::vector<AuditEntry> audit;
    for (std::uint32_t i = 0; i < entries && !r.failed(); ++i) {
        AuditEntry e;
        e.sequence = r.u64();
        e.time = r.i64();
        e.actor = r.str(kMaxText);
        e.action = get_enum(r, AuditAction::Count_);
        e.target = r.str(kMaxText);
        const std::uint8_t result = r.u8();
        if (result >= kResultCodeCount) r.fail();
        e.result = FlowResult::from_saved(result);
        r.raw(e.hash);
        audit.push_back(std::move(e));
    }
    s.audit.restore(std::move(audit));
    if (version >= 2) {
        const std::uint32_t issuances = r.count(kMaxItems);
        for (std::uint32_t i = 0; i < issuances && !r.failed(); ++i) {
            Issuance is;
            is.serial = r.str(kMaxText);
            is.holder = Holder::from_saved(r.str(kMaxText));
            is.pc = r.str(kMaxText);
            is.kind = get_enum(r, IssuanceKind::Count_);
            is.issued_at = r.i64();
            is.not_after = r.i64();
            s.issuances.push_back(std::move(is));
        }
    }
    if (r.failed() || !r.at_end()) return PersistResult::StateCorrupted;
    out = std::move(s);
    return PersistResult::Ok;
}

std::vector<std::uint8_t> encode_certificate_part(const InstalledCertificate& c) {
    ByteWriter w;
    w.str(c.serial);
    put_subject(w, c.subject);
    w.i64(c.not_before);
    w.i64(c.not_after);
    w.u8(static_cast<std::uint8_t>(c.protection));
    w.bytes(c.certificate);
    return w.take();
}

PersistResult decode_certificate_part(std::span<const std::uint8_t> payload, InstalledCertificate& out) {
    ByteReader r(payload);
    InstalledCertificate c;
    c.serial = r.str(kMaxText);
    get_subject(r, c.subject);
    c.not_before = r.i64();
    c.not_after = r.i64();
    const std::uint8_t p = r.u8();
    if (p > 2) r.fail();
    c.protection = static_cast<KeyProtection>(p);
    c.certificate = r.bytes(1u << 20);
    if (r.failed() || !r.at_end()) return PersistResult::StateCorrupted;
    out = std::move(c);
    return PersistResult::Ok;
}

}  // namespace cp
