#include "bank/bank.h"

#include <algorithm>
#include <utility>

namespace cp {
namespace {

constexpr const char* kAdmin = kAuditActorAdmin;
constexpr const char* kSystem = kAuditActorSystem;
constexpr const char* kBranch = kAuditActorBranch;

std::string serial_or_dash(const std::string& s) { return s.empty() ? "-" : s; }

}  // namespace

std::size_t Bank::pending_pickup_count() const {
    return static_cast<std::size_t>(std::count_if(state_.users.begin(), state_.users.end(), [&](const User& u) {
        return effective_status(u.certificate, state_.now) == CertStatus::PendingPickup;
    }));
}

Bank::Bank(BankState state, RandomSource& random, CertificateAuthority& authority)
    : state_(std::move(state)), random_(random), authority_(authority) {}

BankResult Bank::invalid(InputError e) {
    last_input_error_ = e;
    return BankResult::InvalidInput;
}

User* Bank::user(std::string_view user_id) {
    for (auto& u : state_.users)
        if (u.id == user_id) return &u;
    return nullptr;
}

const User* Bank::find_user(std::string_view user_id) const {
    for (const auto& u : state_.users)
        if (u.id == user_id) return &u;
    return nullptr;
}

void Bank::audit(std::string actor, AuditAction action, std::string target, FlowResult result) {
    state_.audit.append(state_.now, std::move(actor), action, std::move(target), result);
    ++revision_;
}

void Bank::send_mail(MailKind kind, const Holder& to, SimTime about) {
    Mail m;
    m.id = state_.next_mail_id++;
    m.sent_at = state_.now;
    m.kind = kind;
    m.holder = to;
    m.about = about;
    audit(kSystem, AuditAction::MailSent, std::string(mail_kind_name(kind)) + ":" + to.saved(), BankResult::Ok);
    state_.mailbox.push_back(std::move(m));
}

// A wrong contract secret: count it; at the limit the whole contract locks (admin and users).
void Bank::count_contract_failure(std::uint32_t& counter, AuditAction action, BankResult wrong, BankResult& out) {
    ++counter;
    if (counter >= state_.config.contract_lockout_count) {
        state_.contract.locked = true;
        out = BankResult::ContractLocked;
        audit(kAdmin, action, state_.contract.id, wrong);
        audit(kSystem, AuditAction::ContractLockedEvent, state_.contract.id, BankResult::ContractLocked);
        return;
    }
    out = wrong;
    audit(kAdmin, action, state_.contract.id, wrong);
}

// A wrong user secret: count it; at the limit the user is put in 利用中止.
void Bank::count_user_failure(User& u, AuditAction action, BankResult wrong, BankResult& out) {
    ++u.pin_failures;
    audit(u.id, action, u.id, wrong);
    if (u.pin_failures >= state_.config.user_lockout_count) {
        u.suspended = true;
        out = BankResult::UserSuspended;
        audit(kSystem, AuditAction::UserSuspendedEvent, u.id, BankResult::UserSuspended);
        return;
    }
    out = wrong;
}

// [SECTION] clock and background work ---------------------------------------------------------

BankResult Bank::advance_time(SimTime seconds) {
    if (seconds < 0) return invalid(InputError::TooShort);
    state_.now += seconds;
    audit(kSystem, AuditAction::ClockAdvanced, std::to_string(seconds), BankResult::Ok);
    process_due_work();
    return BankResult::Ok;
}

void Bank::let_time_pass(SimTime seconds) {
    if (seconds <= 0) return;
    state_.now += seconds;
    process_due_work();
}

void Bank::send_due_mails(CertificateRecord& record, const Holder& holder) {
    if (record.status != CertStatus::Valid) return;
    const SimTime now = state_.now;
    const SimTime first = record.not_after - days(state_.config.first_reminder_days);
    const SimTime second = record.not_after - days(state_.config.second_reminder_days);
    if (is_past_expiry(record.not_after, now)) {
        if ((record.mails_sent & kMailExpired) == 0) send_mail(MailKind::CertificateExpired, holder, record.not_after);
        // A jump past expiry sends only the expiry mail: reminders would be stale.
        record.mails_sent |= kMailFirstReminder | kMailSecondReminder | kMailExpired;
    } else if (now >= second) {
        if ((record.mails_sent & kMailSecondReminder) == 0)
            send_mail(MailKind::RenewalReminder, holder, record.not_after);
        record.mails_sent |= kMailFirstReminder | kMailSecondReminder;
    } else if (now >= first) {
        if ((record.mails_sent & kMailFirstReminder) == 0)
            send_mail(MailKind::RenewalReminder, holder, record.not_after);
        record.mails_sent |= kMailFirstReminder;
    }
}

void Bank::process_due_work() {
    (void)authority_.refresh_revocation_list(state_.now);  // a stale CRL still revokes: not fatal
    for (auto& r : state_.branch_requests)
        if (!r.done && state_.now >= r.ready_at) complete_branch_request(r);
    send_due_mails(state_.contract.admin_certificate, Holder::admin());
    for (auto& u : state_.users) send_due_mails(u.certificate, Holder::user(u.id));
}

void Bank::mark_mail_read(std::uint32_t mail_id) {
    for (auto& m : state_.mailbox) {
        if (m.id != mail_id || m.read) continue;
        m.read = true;
        ++revision_;
    }
}

// [SECTION] people ------------------------------------------------------------------------

BankResult Bank::add_user(std::string_view user_id, std::string_view name, PermissionSet permissions,
                          std::string_view user_pin) {
    last_input_error_ = InputError::None;
    if (auto e = validate_user_id(user_id); e != InputError::None) return invalid(e);
    if (auto e = validate_user_name(name); e != InputError::None) return invalid(e);
    if (auto e = validate_user_pin(user_pin); e != InputError::None) return invalid(e);
    if (find_user(user_id) != nullptr) {
        audit(kAdmin, AuditAction::UserAdd, std::string(user_id), BankResult::UserAlreadyExists);
        return BankResult::UserAlreadyExists;
    }
    User u;
    u.id = std::string(user_id);
    u.name = std::string(name);
    u.permissions = permissions & kAllPermissions;
    u.pin = hash_pin(user_pin, random_, state_.config.pin_hash_iterations);
    state_.users.push_back(std::move(u));
    audit(kAdmin, AuditAction::UserAdd, std::string(user_id), BankResult::Ok);
    return BankResult::Ok;
}

std::uint32_t Bank::contract_pin_tries_left() const {
    const auto used = state_.contract.contract_pin_failures;
    return used >= state_.config.contract_lockout_count ? 0 : state_.config.contract_lockout_count - used;
}

namespace {
std::uint32_t tries_left(std::uint32_t used, std::uint32_t limit) { return used >= limit ? 0 : limit - used; }
}  // namespace

std::uint32_t Bank::confirmation_pin_tries_left() const {
    return tries_left(state_.contract.confirmation_pin_failures, state_.config.contract_lockout_count);
}

std::uint32_t Bank::card_tries_left() const {
    return tries_left(state_.contract.card_failures, state_.config.contract_lockout_count);
}

std::uint32_t Bank::user_pin_tries_left(std::string_view user_id) const {
    const User* u = find_user(user_id);
    if (u == nullptr || u->pin_failures >= state_.config.user_lockout_count) return 0;
    return state_.config.user_lockout_count - u->pin_failures;
}

// [SECTION] administrator login pieces ----------------------------------------------------

std::unique_ptr<tls::Handshake> Bank::new_login_handshake(pki::Drbg& rng) const {
    tls::ServerConfig config;
    if (authority_.login_server(config) != BankResult::Ok) return nullptr;
    config.version = state_.config.tls_version == TlsVersion::Tls12 ? tls::Version::Tls12 : tls::Version::Tls13;
    config.now = state_.now;
    return std::make_unique<tls::Handshake>(config, rng);
}

BankResult login_handshake_result(const tls::Handshake& handshake) {
    switch (handshake.outcome()) {
    case tls::Outcome::Ok: return BankResult::Ok;
    case tls::Outcome::Expired: return BankResult::CertificateExpired;
    case tls::Outcome::Revoked: return BankResult::CertificateRevoked;
    // A foreign CA, a not yet valid or an unusable certificate: not one this bank handed out.
    case tls::Outcome::UnknownCa:
    case tls::Outcome::NotYetValid:
    case tls::Outcome::BadCertificate: return BankResult::CertificateUnknown;
    case tls::Outcome::ServerRejected: return BankResult::LoginServerNotTrusted;
    // A CertificateVerify that does not verify with the certificate's key (TLS 1.2's server sends no
    // alert for it, TLS 1.3's one the client cannot read), or anything else that stopped it.
    case tls::Outcome::ProtocolError:
    case tls::Outcome::KeyAccessDenied:
    case tls::Outcome::Pending:
    case tls::Outcome::Internal: break;
    }
    return BankResult::LoginProofInvalid;
}

BankResult Bank::check_login_holder(const IssuedCertificate& facts, BankResult readable,
                                    const CertificateSubject& expected) const {
    if (readable != BankResult::Ok) return BankResult::CertificateUnknown;
    if (facts.subject.kind != expected.kind)  // the seed: a user's certificate chosen at 管理者ログイン
        return expected.kind == HolderKind::Administrator ? BankResult::NotAdminCertificate
                                                          : BankResult::NotUserCertificate;
    return facts.subject == expected ? BankResult::Ok : BankResult::CertificateUnknown;
}

BankResult Bank::check_admin_certificate(const tls::Handshake& handshake) {
    BankResult r = BankResult::Ok;
    const CertificateRecord& rec = state_.contract.admin_certificate;
    IssuedCertificate facts;  // what the certificate itself says (the PC's listing is not trusted)
    const BankResult readable = authority_.read_certificate(handshake.client_certificate(), facts);
    if (state_.contract.locked) r = BankResult::ContractLocked;
    else {
        r = login_handshake_result(handshake);
        if (r == BankResult::Ok) r = check_login_holder(facts, readable, admin_subject());
        // The branch reissues the administrator's own certificate; another role's expired one is
        // just expired (the handshake refused it before the bank could read whose it is).
        if (r == BankResult::CertificateExpired && readable == BankResult::Ok &&
            facts.subject.kind == HolderKind::Administrator)
            r = BankResult::AdminCertificateExpired;
        else if (r == BankResult::Ok && facts.serial != rec.serial) r = not_the_record(facts, rec);
        else if (r == BankResult::Ok && effective_status(rec, state_.now) == CertStatus::Expired)
            r = BankResult::AdminCertificateExpired;
    }
    audit(kAdmin, AuditAction::AdminCertificateCheck, serial_or_dash(facts.serial), r);
    return r;
}

BankResult Bank::check_contract_secret(std::string_view pin, const PinHash& stored, std::uint32_t& failures,
                                       AuditAction action, BankResult wrong) {
    last_input_error_ = InputError::None;
    if (state_.contract.locked) return BankResult::ContractLocked;
    if (pin.empty()) return invalid(InputError::Empty);
    // A PIN the form refuses is not a try (docs/domain.md, "PINs, formats and what a try costs").
    if (auto e = validate_contract_pin(pin); e != InputError::None) return invalid(e);
    if (!verify_pin(stored, pin)) {
        BankResult out;
        count_contract_failure(failures, action, wrong, out);
        return out;
    }
    failures = 0;
    return BankResult::Ok;
}

BankResult Bank::check_contract_pin(std::string_view pin) {
    const BankResult r = check_contract_secret(pin, state_.contract.contract_pin, state_.contract.contract_pin_failures,
                                               AuditAction::ContractPinCheck, BankResult::WrongContractPin);
    if (r == BankResult::Ok || r == BankResult::ContractLocked)
        audit(kAdmin, AuditAction::ContractPinCheck, state_.contract.id, r);
    return r;
}

BankResult Bank::new_card_challenge(CardChallenge& out) {
    if (state_.contract.locked) return BankResult::ContractLocked;
    if (state_.contract.card.lost) {
        audit(kAdmin, AuditAction::CardCheck, state_.contract.id, BankResult::CardLost);
        return BankResult::CardLost;
    }
    out = make_card_challenge(random_);
    return BankResult::Ok;
}

BankResult Bank::check_card_answers(const CardChallenge& challenge, std::string_view first, std::string_view second) {
    last_input_error_ = InputError::None;
    if (state_.contract.locked) return BankResult::ContractLocked;
    if (state_.contract.card.lost) return BankResult::CardLost;
    InputError e = validate_card_answer(first);
    if (e == InputError::None) e = validate_card_answer(second);
    if (e != InputError::None) return invalid(e);  // a typo in format is not a guess: not counted
    if (!card_answers_match(state_.contract.card, challenge, first, second)) {
        BankResult out;
        count_contract_failure(state_.contract.card_failures, AuditAction::CardCheck, BankResult::WrongCardAnswer, out);
        return out;
    }
    state_.contract.card_failures = 0;
    audit(kAdmin, AuditAction::CardCheck, state_.contract.id, BankResult::Ok);
    return BankResult::Ok;
}

const CertificateRecord* Bank::record_of(const Holder& holder) const {
    if (holder.is_admin()) return &state_.contract.admin_certificate;
    const User* u = find_user(holder.user_id());
    return u != nullptr ? &u->certificate : nullptr;
}

CertificateRecord* Bank::record_of(const Holder& holder) {
    return const_cast<CertificateRecord*>(std::as_const(*this).record_of(holder));
}

std::string Bank::actor_of(const Holder& holder) { return holder.is_admin() ? kAdmin : holder.user_id(); }

bool Bank::in_renewal_window(const Holder& holder) const {
    const CertificateRecord* rec = record_of(holder);
    if (rec == nullptr || effective_status(*rec, state_.now) != CertStatus::Valid) return false;
    return state_.now >= rec->not_after - days(state_.config.renewal_window_days);
}

std::vector<NoticeKind> Bank::admin_notices() const {
    if (state_.now < state_.contract.notices_hidden_until) return {};
    std::vector<NoticeKind> out;
    if (in_admin_renewal_window()) out.push_back(NoticeKind::RenewAdminCertificate);
    out.push_back(NoticeKind::ChangeContractPin);
    out.push_back(NoticeKind::ChangeConfirmationPin);
    return out;
}

void Bank::hide_notices_for_a_while() {
    state_.contract.notices_hidden_until = state_.now + days(state_.config.notices_hidden_days);
    audit(kAdmin, AuditAction::NoticesHidden, state_.contract.id, BankResult::Ok);
}

void Bank::record_admin_login() {
    state_.contract.last_admin_login = state_.now;
    audit(kAdmin, AuditAction::AdminLogin, state_.contract.id, BankResult::Ok);
}

// [SECTION] administrator menu ----------------------------------------------------------

BankResult Bank::check_confirmation_pin(std::string_view pin) {
    return check_contract_secret(pin, state_.contract.confirmation_pin, state_.contract.confirmation_pin_failures,
                                 AuditAction::ConfirmationPinCheck, BankResult::WrongConfirmationPin);
}

CertificateSubject Bank::admin_subject() const {
    return CertificateSubject{state_.contract.id, state_.contract.bank_code, HolderKind::Administrator};
}

CertificateSubject Bank::user_subject(std::string_view user_id) const {
    return CertificateSubject{state_.contract.id, std::string(user_id), HolderKind::User};
}

CertificateSubject Bank::subject_of(const Holder& holder) const {
    return holder.is_admin() ? admin_subject() : user_subject(holder.user_id());
}

SimTime certificate_not_after(const BankConfig& config, SimTime issued) {
    return add_jst_years(issued, static_cast<int>(config.certificate_validity_years));
}

IssueRequest Bank::issue_request_for(CertificateSubject subject) const {
    IssueRequest req;
    req.subject = std::move(subject);
    req.not_before = state_.now;
    req.not_after = certificate_not_after(state_.config, state_.now);
    return req;
}

BankResult Bank::apply_user_certificate_action(std::string_view user_id, UserCertificateAction action,
                                               std::string_view confirmation_pin, std::string_view reason) {
    static constexpr AuditAction kAction[] = {AuditAction::UserCertificateContinue, AuditAction::UserCertificateReissue,
                                              AuditAction::UserCertificateRevoke};
    const AuditAction what = kAction[static_cast<int>(action)];
    User* u = user(user_id);
    if (u == nullptr) {
        audit(kAdmin, what, std::string(user_id), BankResult::UnknownUser);
        return BankResult::UnknownUser;
    }
    const BankResult pin = check_confirmation_pin(confirmation_pin);
    if (pin != BankResult::Ok) {
        audit(kAdmin, what, u->id, pin);
        return pin;
    }
    CertificateRecord& rec = u->certificate;
    switch (action) {
    case UserCertificateAction::Continue:
        break;
    case UserCertificateAction::Reissue:
        reissue(rec);
        send_mail(MailKind::UserCertificateReissued, Holder::user(u->id), rec.pickup_deadline);
        break;
    case UserCertificateAction::Revoke:
        revoke_at_ca(rec);
        rec.status = CertStatus::Revoked;
        rec.pickup_deadline = 0;
        break;
    }
    audit(kAdmin, what, reason.empty() ? u->id : u->id + " (" + std::string(reason) + ")", BankResult::Ok);
    return BankResult::Ok;
}

void Bank::revoke_at_ca(const CertificateRecord& rec) {
    if (!rec.serial.empty() && rec.status == CertStatus::Valid) (void)authority_.revoke(rec.serial, state_.now);
}

void Bank::reissue(CertificateRecord& rec) {
    revoke_at_ca(rec);
    ++rec.issue_number;
    rec.status = CertStatus::PendingPickup;
    rec.registered_at = state_.now;
    rec.serial.clear();
    rec.not_after = 0;
    rec.pickup_deadline = state_.now + days(state_.config.pickup_window_days);
    rec.mails_sent = 0;
}

BankResult Bank::register_token(std::string_view user_id, std::string_view confirmation_pin) {
    User* u = user(user_id);
    if (u == nullptr) return BankResult::UnknownUser;
    const BankResult pin = check_confirmation_pin(confirmation_pin);
    if (pin != BankResult::Ok) {
        audit(kAdmin, AuditAction::TokenRegister, u->id, pin);
        return pin;
    }
    u->token.key = pki::SecretBytes(20);
    random_.fill({u->token.key.mutable_data(), u->token.key.size()});
    u->token.last_accepted_step = -1;
    u->token.serial = "TK" + std::to_string(10000000 + random_.uniform(90000000));
    audit(kAdmin, AuditAction::TokenRegister, u->id, BankResult::Ok);
    return BankResult::Ok;
}

BankResult Bank::lift_user_suspension(std::string_view user_id, std::string_view confirmation_pin) {
    User* u = user(user_id);
    if (u == nullptr) return BankResult::UnknownUser;
    const BankResult pin = check_confirmation_pin(confirmation_pin);
    if (pin == BankResult::Ok) {
        u->suspended = false;
        u->pin_failures = 0;
    }
    audit(kAdmin, AuditAction::UserSuspensionLift, u->id, pin);
    return pin;
}

std::string Bank::token_display(std::string_view user_id) const {
    const User* u = find_user(user_id);
    if (u == nullptr || !u->token.registered()) return {};
    return totp_code(u->token.key.view(), state_.now);
}

// [SECTION] user side ----------------------------------------------------------------------

BankResult Bank::check_user_credentials(std::string_view contract_id, std::string_view user_id, std::string_view pin) {
    last_input_error_ = InputError::None;
    if (auto e = validate_contract_id(contract_id); e != InputError::None) return invalid(e);
    if (auto e = validate_user_id(user_id); e != InputError::None) return invalid(e);
    if (pin.empty()) return invalid(InputError::Empty);
    if (auto e = validate_user_pin(pin); e != InputError::None) return invalid(e);  // not a try
    User* u = contract_id == state_.contract.id ? user(user_id) : nullptr;
    BankResult r = BankResult::Ok;
    if (u == nullptr) r = BankResult::UnknownContractOrUser;
    else if (state_.contract.locked) r = BankResult::ContractLocked;
    else if (u->accident) r = BankResult::UserAccidentRegistered;
    else if (u->suspended) r = BankResult::UserSuspended;
    if (r != BankResult::Ok) {
        audit(std::string(user_id), AuditAction::UserPinCheck, std::string(user_id), r);
        return r;
    }
    if (!verify_pin(u->pin, pin)) {
        count_user_failure(*u, AuditAction::UserPinCheck, BankResult::WrongUserPin, r);
        return r;
    }
    u->pin_failures = 0;
    audit(u->id, AuditAction::UserPinCheck, u->id, BankResult::Ok);
    return BankResult::Ok;
}

BankResult Bank::check_pickup_allowed(std::string_view user_id) const {
    const User* u = find_user(user_id);
    if (u == nullptr) return BankResult::UnknownContractOrUser;
    if (state_.contract.locked) return BankResult::ContractLocked;
    if (u->certificate.status != CertStatus::PendingPickup) return BankResult::NoPendingCertificate;
    if (state_.now > u->certificate.pickup_deadline) return BankResult::PickupWindowPassed;
    if (!u->token.registered()) return BankResult::NoTokenRegistered;
    return BankResult::Ok;
}

BankResult Bank::check_one_time_password(std::string_view user_id, std::string_view code) {
    last_input_error_ = InputError::None;
    User* u = user(user_id);
    if (u == nullptr) return BankResult::UnknownContractOrUser;
    if (state_.contract.locked) return BankResult::ContractLocked;
    if (u->suspended) return BankResult::UserSuspended;
    if (!u->token.registered()) return BankResult::NoTokenRegistered;
    if (auto e = validate_one_time_password(code); e != InputError::None) return invalid(e);
    BankResult r = BankResult::Ok;
    switch (totp_verify(u->token, code, state_.now)) {
    case TotpCheck::Accepted:
        u->pin_failures = 0;
        break;
    case TotpCheck::Reused:
        r = BankResult::OneTimePasswordReused;  // a real code, typed twice: not a guess
        break;
    case TotpCheck::Wrong:
        count_user_failure(*u, AuditAction::OneTimePasswordCheck, BankResult::WrongOneTimePassword, r);
        return r;
    }
    audit(u->id, AuditAction::OneTimePasswordCheck, u->id, r);
    return r;
}

BankResult Bank::issue_pending_user_certificate(std::string_view user_id, std::span<const std::uint8_t> csr,
                                                IssuedCertificate& out, std::string_view pc) {
    BankResult r = check_pickup_allowed(user_id);
    User* u = user(user_id);
    if (r == BankResult::Ok && u != nullptr) {
        r = authority_.issue(issue_request_for(user_subject(u->id)), csr, out);
        if (r == BankResult::Ok) await_installation(out, Holder::user(u->id), pc, IssuanceKind::Pickup);
    }
    audit(std::string(user_id), AuditAction::CertificatePickup, r == BankResult::Ok ? out.serial : std::string(user_id), r);
    return r;
}

void Bank::await_installation(const IssuedCertificate& issued, const Holder& holder, std::string_view pc,
                              IssuanceKind kind) {
    state_.issuances.push_back(Issuance{issued.serial, holder, std::string(pc), kind, state_.now, issued.not_after});
}

const Issuance* Bank::awaiting_installation(std::string_view serial) const {
    for (const Issuance& i : state_.issuances)
        if (!serial.empty() && i.serial == serial) return &i;
    return nullptr;
}

void Bank::report_install_failed(const Holder& holder, std::string_view serial, FlowResult why) {
    (void)authority_.revoke(serial, state_.now);  // nothing when nothing was issued
    CertificateRecord* rec = record_of(holder);
    // A pickup (or the PC giving up before the CA issued: no serial) is used up, as the seed says
    // of the closed app; a renewal leaves the current certificate (another serial) alone.
    bool pickup = serial.empty();
    const auto it = std::find_if(state_.issuances.begin(), state_.issuances.end(),
                                 [&](const Issuance& i) { return !serial.empty() && i.serial == serial; });
    if (it != state_.issuances.end()) {
        pickup = it->kind == IssuanceKind::Pickup;
        state_.issuances.erase(it);
    }
    if (rec != nullptr && pickup && rec->status == CertStatus::PendingPickup) {
        rec->status = CertStatus::Revoked;
        rec->pickup_deadline = 0;
    }
    audit(actor_of(holder), AuditAction::CertificateInstallFailed,
          serial_or_dash(std::string(serial)), why);
}

BankResult Bank::confirm_installation(std::string_view serial) {
    const auto it = std::find_if(state_.issuances.begin(), state_.issuances.end(),
                                 [&](const Issuance& i) { return !serial.empty() && i.serial == serial; });
    if (it == state_.issuances.end()) return BankResult::NoPendingCertificate;
    const Issuance issued = *it;
    state_.issuances.erase(it);
    User* u = issued.holder.is_admin() ? nullptr : user(issued.holder.user_id());
    CertificateRecord* rec = record_of(issued.holder);
    const std::string actor = actor_of(issued.holder);
    // The record must still be waiting for this certificate: a pickup still 取得待ち, a renewed
    // certificate still in use. Otherwise (changed meanwhile) the certificate is revoked.
    const CertStatus expected = issued.kind == IssuanceKind::Pickup ? CertStatus::PendingPickup : CertStatus::Valid;
    if (rec == nullptr || rec->status != expected) {
        (void)authority_.revoke(issued.serial, state_.now);
        audit(actor, AuditAction::CertificateInstalled, issued.serial, BankResult::NoPendingCertificate);
        return BankResult::NoPendingCertificate;
    }
    if (issued.kind == IssuanceKind::Renewal) {
        ++rec->issue_number;
        rec->registered_at = state_.now;
    }
    rec->status = CertStatus::Valid;
    rec->serial = issued.serial;
    rec->not_after = issued.not_after;
    rec->pickup_deadline = 0;
    rec->mails_sent = 0;
    if (u != nullptr) u->usage_started = true;
    audit(actor, AuditAction::CertificateInstalled, issued.serial, BankResult::Ok);
    return BankResult::Ok;
}

BankResult Bank::not_the_record(const IssuedCertificate& facts, const CertificateRecord& record) const {
    // Serials are random: the validity tells old from new (every certificate has the same length).
    const bool older = !record.serial.empty() && facts.not_after < record.not_after;
    return older ? BankResult::CertificateSuperseded : BankResult::CertificateNotRecorded;
}

BankResult Bank::check_user_certificate(const tls::Handshake& handshake, std::string& user_id) {
    user_id.clear();
    BankResult r = BankResult::Ok;
    IssuedCertificate facts;  // whom the certificate names: the login is checked for that holder
    const BankResult readable = authority_.read_certificate(handshake.client_certificate(), facts);
    const User* u = find_user(facts.subject.holder_id);
    if (state_.contract.locked) r = BankResult::ContractLocked;
    else if (r = login_handshake_result(handshake); r == BankResult::Ok) {  // then as an application server
        if (readable == BankResult::Ok && facts.subject.kind == HolderKind::Administrator) r = BankResult::NotUserCertificate;
        else if (readable != BankResult::Ok || facts.subject.contract_id != state_.contract.id || u == nullptr)
            r = BankResult::CertificateUnknown;
        else if (facts.serial != u->certificate.serial) r = not_the_record(facts, u->certificate);
        else if (u->accident) r = BankResult::UserAccidentRegistered;
        else if (u->suspended) r = BankResult::UserSuspended;
    }
    if (r == BankResult::Ok) user_id = u->id;
    const std::string actor = facts.subject.holder_id.empty() ? "-" : facts.subject.holder_id;
    audit(actor, AuditAction::UserLogin, serial_or_dash(facts.serial), r);
    return r;
}

BankResult Bank::check_user_pin(std::string_view user_id, std::string_view pin) {
    return check_user_credentials(state_.contract.id, user_id, pin);
}

void Bank::record_user_login(std::string_view user_id) {
    if (User* u = user(user_id)) {
        u->last_login = state_.now;
        u->usage_started = true;
        audit(u->id, AuditAction::UserLogin, u->id, BankResult::Ok);
    }
}

// [SECTION] renewal, administrator pickup ---------------------------------------------------

BankResult Bank::issue_renewal(const Holder& holder, std::span<const std::uint8_t> csr, IssuedCertificate& out,
                               std::string_view pc) {
    const bool admin = holder.is_admin();
    const User* u = admin ? nullptr : find_user(holder.user_id());
    BankResult r = BankResult::Ok;
    if (!admin && u == nullptr) r = BankResult::UnknownUser;
    else if (state_.contract.locked) r = BankResult::ContractLocked;
    else if (u != nullptr && u->accident) r = BankResult::UserAccidentRegistered;
    else if (u != nullptr && u->suspended) r = BankResult::UserSuspended;
    else if (!in_renewal_window(holder)) r = BankResult::NotInRenewalWindow;
    else r = authority_.issue(issue_request_for(subject_of(holder)), csr, out);
    if (r == BankResult::Ok) await_installation(out, holder, pc, IssuanceKind::Renewal);
    const std::string who = actor_of(holder);
    const std::string target = r == BankResult::Ok ? out.serial : admin ? state_.contract.id : who;
    audit(who, admin ? AuditAction::AdminRenewal : AuditAction::UserRenewal, target, r);
    return r;
}

BankResult Bank::pickup_admin_certificate(std::string_view contract_id, std::string_view contract_pin,
                                          std::span<const std::uint8_t> csr, IssuedCertificate& out, std::string_view pc) {
    last_input_error_ = InputError::None;
    if (auto e = validate_contract_id(contract_id); e != InputError::None) return invalid(e);
    if (contract_id != state_.contract.id) return BankResult::UnknownContractOrUser;
    BankResult r = check_contract_pin(contract_pin);
    if (r != BankResult::Ok) return r;
    CertificateRecord& rec = state_.contract.admin_certificate;
    if (rec.status != CertStatus::PendingPickup) r = BankResult::NoPendingCertificate;
    else if (state_.now > rec.pickup_deadline) r = BankResult::PickupWindowPassed;
    else r = authority_.issue(issue_request_for(admin_subject()), csr, out);
    if (r == BankResult::Ok) await_installation(out, Holder::admin(), pc, IssuanceKind::Pickup);
    audit(kAdmin, AuditAction::CertificatePickup, r == BankResult::Ok ? out.serial : state_.contract.id, r);
    return r;
}

// [SECTION] branch back office -------------------------------------------------------------

BankResult Bank::submit_branch_request(BranchRequestKind kind, std::uint32_t* request_id) {
    BankResult r = BankResult::Ok;
    for (const auto& q : state_.branch_requests)
        if (!q.done && q.kind == kind) r = BankResult::RequestPending;
    if (r == BankResult::Ok && kind == BranchRequestKind::UnlockPins && !state_.contract.locked)
        r = BankResult::RequestNotNeeded;
    std::uint32_t delay_days = 0;
    switch (kind) {
    case BranchRequestKind::UnlockPins: delay_days = state_.config.unlock_days; break;
    case BranchRequestKind::ReissueAdminCertificate: delay_days = state_.config.admin_reissue_days; break;
    case BranchRequestKind::ReissueCard: {
        const std::uint32_t lo = state_.config.card_reissue_min_days;
        const std::uint32_t hi = state_.config.card_reissue_max_days < lo ? lo : state_.config.card_reissue_max_days;
        delay_days = lo + random_.uniform(hi - lo + 1);
        break;
    }
    case BranchRequestKind::Count_: r = BankResult::InvalidInput; break;
    }
    if (r != BankResult::Ok) {
        audit(kBranch, AuditAction::BranchRequestSubmit, branch_request_kind_name(kind), r);
        return r;
    }
    BranchRequest q;
    q.id = state_.next_request_id++;
    q.kind = kind;
    q.submitted_at = state_.now;
    q.ready_at = state_.now + days(delay_days);
    if (request_id != nullptr) *request_id = q.id;
    state_.branch_requests.push_back(q);
    audit(kBranch, AuditAction::BranchRequestSubmit,
          std::string(branch_request_kind_name(kind)) + "#" + std::to_string(q.id), BankResult::Ok);
    process_due_work();  // a zero delay completes at once
    return BankResult::Ok;
}

void Bank::complete_branch_request(BranchRequest& q) {
    q.done = true;
    Contract& c = state_.contract;
    switch (q.kind) {
    case BranchRequestKind::UnlockPins:
        c.locked = false;
        c.contract_pin_failures = c.confirmation_pin_failures = c.card_failures = 0;
        send_mail(MailKind::ContractUnlocked, Holder::admin(), 0);
        break;
    case BranchRequestKind::ReissueCard:
        c.card = make_customer_card(random_, c.card.generation + 1);
        c.card_failures = 0;
        send_mail(MailKind::CardReissued, Holder::admin(), 0);
        break;
    case BranchRequestKind::ReissueAdminCertificate: {
        CertificateRecord& rec = c.admin_certificate;
        reissue(rec);
        send_mail(MailKind::AdminCertificateReissued, Holder::admin(), rec.pickup_deadline);
        break;
    }
    case BranchRequestKind::Count_: break;
    }
    audit(kBranch, AuditAction::BranchRequestDone,
          std::string(branch_request_kind_name(q.kind)) + "#" + std::to_string(q.id), BankResult::Ok);
}

BankResult Bank::report_card_lost() {
    state_.contract.card.lost = true;
    audit(kAdmin, AuditAction::CardReportedLost, state_.contract.id, BankResult::Ok);
    return submit_branch_request(BranchRequestKind::ReissueCard);
}

}  // namespace cp
