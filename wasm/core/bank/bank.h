// certportal bank: the simulated bank's rules. Bank owns the state (bank_state.h) and applies
// every rule of the seeds and docs/domain.md; each operation validates its input, checks the
// locks, changes the state only on success (or to count a failure), appends one audit entry,
// and returns one BankResult. The procedures (procedures/: admin_login.h, user_login.h,
// user_pickup.h, admin_renewal.h, ...) sequence these operations the way the screens do.
//
// Index
//   [SECTION] clock and background work (mails, branch requests)
//   [SECTION] people
//   [SECTION] administrator login pieces
//   [SECTION] administrator menu: users' certificates, tokens, suspension
//   [SECTION] user side: credentials, one-time password, pickup, certificate login
//   [SECTION] renewal (administrator or user), administrator pickup after a branch reissue
//   [SECTION] branch back office
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bank/bank_state.h"
#include "bank/certificate_authority.h"
#include "bank/random.h"
#include "bank/validation.h"
#include "tls/capture.h"
#include "tls/handshake.h"

namespace cp {

enum class UserCertificateAction : std::uint8_t {
    Continue = 0,  // 現在の電子証明書を継続する
    Reissue,       // 再発行
    Revoke,        // 失効
};

// 有効期限は1年 (seed 000): a certificate issued at `issued` (its pickup, or a renewal's install)
// runs to the same JST date and time certificate_validity_years later, 29 February to 28
// February (docs/domain.md, "Dates, validity and windows").
SimTime certificate_not_after(const BankConfig& config, SimTime issued);

class Bank {
public:
    // `random` and `authority` must outlive the Bank.
    Bank(BankState state, RandomSource& random, CertificateAuthority& authority);

    const BankState& state() const { return state_; }
    BankState& mutable_state_for_presets() { return state_; }
    SimTime now() const { return state_.now; }
    RandomSource& random() { return random_; }
    CertificateAuthority& authority() { return authority_; }
    // The reason of the last InvalidInput result (InputError::None otherwise).
    InputError last_input_error() const { return last_input_error_; }
    // Users whose certificate awaits its pickup now (ご契約先ステータス表示's 電子証明書取得待ち).
    std::size_t pending_pickup_count() const;
    // A count of the changes to the bank's state that must be saved: one or more for every
    // operation (each appends its audit entry), a mail read (no audit entry: reading is not an
    // operation of the bank's, but the mark must survive a reload), a clock move (advance_time).
    // Seconds passing (let_time_pass) do not count on their own: the clock is saved with the next
    // change, and the due work they set off (a mail, a branch request done) counts as it is
    // audited. The saver (sim/autosave.h) compares it with the revision it last saved; its value
    // means nothing across two Bank objects. Changes made through mutable_state_for_presets() are
    // not counted: a world being built is saved whole.
    std::uint64_t revision() const { return revision_; }

    // [SECTION] clock and background work -----------------------------------------------
    // Moves the simulated clock forward, then sends the mails that became due and completes
    // branch requests whose delay passed. Negative amounts are refused (InvalidInput).
    BankResult advance_time(SimTime seconds);
    // Seconds passing while the person works (the session's clock follows the real one): like
    // advance_time without an audit entry of its own. Negative amounts are ignored.
    void let_time_pass(SimTime seconds);
    // Sends due mails, completes due branch requests and has the CA publish a due CRL at the
    // current time (idempotent).
    void process_due_work();
    // Marks a mail read; a change (revision()) only when it was unread.
    void mark_mail_read(std::uint32_t mail_id);

    // [SECTION] people --------------------------------------------------------------------
    const User* find_user(std::string_view user_id) const;
    // The certificate record of a holder, nullptr for an unknown user.
    const CertificateRecord* record_of(const Holder& holder) const;
    // Admin registration of a user (利用者情報登録): validated, PIN hashed, no certificate yet.
    BankResult add_user(std::string_view user_id, std::string_view name, PermissionSet permissions,
                        std::string_view user_pin);
    // Remaining tries before the lock (for 「あとN回」 style hints).
    std::uint32_t contract_pin_tries_left() const;
    std::uint32_t confirmation_pin_tries_left() const;
    std::uint32_t card_tries_left() const;
    std::uint32_t user_pin_tries_left(std::string_view user_id) const;

    // [SECTION] administrator login pieces ---------------------------------------------
    // A certificate login's TLS handshake with the bank's login server (tls/handshake.h): the CA's
    // server identity, its CRL, config.tls_version, the clock now; `rng` (the PC's) must outlive
    // it. nullptr when the CA has no server identity (CertificateAuthority::login_server).
    std::unique_ptr<tls::Handshake> new_login_handshake(pki::Drbg& rng) const;
    // 証明書の選択 at 管理者ログオン: the certificate the PC presented in `handshake` (ended, and not
    // refused at the key prompt: Handshake::client_certificate, what the server received). The handshake's refusal in the bank's words
    // (login_handshake_result); after one that passed, as an application server: a user's
    // certificate is NotAdminCertificate; an older admin certificate CertificateSuperseded, a newer
    // one the bank never recorded CertificateNotRecorded; an expired one AdminCertificateExpired
    // (the branch reissues it).
    BankResult check_admin_certificate(const tls::Handshake& handshake);
    BankResult check_contract_pin(std::string_view pin);
    BankResult new_card_challenge(CardChallenge& out);
    BankResult check_card_answers(const CardChallenge& challenge, std::string_view first, std::string_view second);
    std::vector<NoticeKind> admin_notices() const;
    void hide_notices_for_a_while();
    void record_admin_login();
    // 証明書更新 is open for the holder's certificate: valid, and at most renewal_window_days
    // before its expiry.
    bool in_renewal_window(const Holder& holder) const;
    bool in_admin_renewal_window() const { return in_renewal_window(Holder::admin()); }

    // [SECTION] administrator menu ------------------------------------------------------
    BankResult check_confirmation_pin(std::string_view pin);
    // 再発行 / 失効 / 継続, each confirmed with ご契約先確認暗証番号. `reason` (失効: why) is kept in
    // the audit entry's target as "S0001 (lost)".
    BankResult apply_user_certificate_action(std::string_view user_id, UserCertificateAction action,
                                             std::string_view confirmation_pin, std::string_view reason = {});
    // ワンタイムパスワード（トークン）の設定: gives the user a new token.
    BankResult register_token(std::string_view user_id, std::string_view confirmation_pin);
    // 利用中止解除.
    BankResult lift_user_suspension(std::string_view user_id, std::string_view confirmation_pin);
    // What the user's hardware token shows now ("" without a token): the simulation's token.
    std::string token_display(std::string_view user_id) const;

    // [SECTION] user side -------------------------------------------------------------------
    // 契約者ID + 利用者ID + 利用者暗証番号 (pickup and login). Counts wrong PINs toward 利用中止.
    BankResult check_user_credentials(std::string_view contract_id, std::string_view user_id, std::string_view pin);
    // Whether the user has a certificate to pick up now (pending, in window, has a token).
    BankResult check_pickup_allowed(std::string_view user_id) const;
    BankResult check_one_time_password(std::string_view user_id, std::string_view code);
    // What a holder's certificate says (the PC puts it in its CSR; the CA writes it anyway).
    CertificateSubject admin_subject() const;
    CertificateSubject user_subject(std::string_view user_id) const;
    CertificateSubject subject_of(const Holder& holder) const;
    // 取得: the CA certifies the PC's CSR for the pending certificate, installed on the PC named
    // `pc`. The bank records it as issued, awaiting installation (state().issuances); the record
    // stays 取得待ち until confirm_installation. If installing fails, call report_install_failed.
    BankResult issue_pending_user_certificate(std::string_view user_id, std::span<const std::uint8_t> csr,
                                              IssuedCertificate& out, std::string_view pc);
    // The app was closed / 「いいえ」 / the PC failed / the page closed before the PC stored it:
    // the issued certificate (if any: `serial` may be empty when the PC gave up before the CA
    // issued) is revoked and no longer awaits installation; a pending pickup is used up — the
    // admin must reissue, as the seed says; a renewal leaves the current certificate alone.
    void report_install_failed(const Holder& holder, std::string_view serial, FlowResult why);
    // The PC's store holds `serial` (saved): the record switches to it as the procedure's
    // completion always did (a pickup becomes 有効; a renewal replaces the old certificate, which
    // is then superseded), with an audit entry. NoPendingCertificate when nothing with that serial awaits.
    BankResult confirm_installation(std::string_view serial);
    // The issuance awaiting installation with `serial` (nullptr: none).
    const Issuance* awaiting_installation(std::string_view serial) const;
    // 利用者ログイン with a certificate: the certificate the PC presented in `handshake` (as
    // check_admin_certificate), then the PIN. `user_id` receives the holder the certificate names
    // (for the PIN step).
    BankResult check_user_certificate(const tls::Handshake& handshake, std::string& user_id);
    // The last certificate login's handshake as it crossed the wire (the viewer's and the export's
    // source), kept in memory only: nullptr until a certificate login of this Bank ended.
    void keep_login_handshake(tls::Capture capture) { last_login_handshake_ = std::move(capture); }
    const tls::Capture* last_login_handshake() const {
        return last_login_handshake_ ? &*last_login_handshake_ : nullptr;
    }
    BankResult check_user_pin(std::string_view user_id, std::string_view pin);
    void record_user_login(std::string_view user_id);

    // [SECTION] renewal (the administrator's or a user's own), administrator pickup ------
    // 証明書更新 inside the holder's renewal window (a user must not be suspended): a new
    // certificate for the PC named `pc`, awaiting
    // installation; the record switches to it only with confirm_installation (once the PC's store
    // holds it). Seed 000 A3: 管理者または利用者からログオン.
    BankResult issue_renewal(const Holder& holder, std::span<const std::uint8_t> csr, IssuedCertificate& out,
                             std::string_view pc);
    // After a branch reissue: the admin obtains the certificate with the contract PIN (the PC's
    // CSR: run it through a CertificateEnrollment), awaiting installation on `pc` as a pickup.
    BankResult pickup_admin_certificate(std::string_view contract_id, std::string_view contract_pin,
                                        std::span<const std::uint8_t> csr, IssuedCertificate& out, std::string_view pc);

    // [SECTION] branch back office ------------------------------------------------------
    BankResult submit_branch_request(BranchRequestKind kind, std::uint32_t* request_id = nullptr);
    BankResult report_card_lost();

private:
    BankResult invalid(InputError e);
    User* user(std::string_view user_id);
    // Appends the operation's audit entry and counts the change (revision()).
    void audit(std::string actor, AuditAction action, std::string target, FlowResult result);
    // To a holder; the contract's own mails (ContractUnlocked, CardReissued) go to the administrator.
    void send_mail(MailKind kind, const Holder& to, SimTime about);
    void count_contract_failure(std::uint32_t& counter, AuditAction action, BankResult wrong, BankResult& out);
    // A contract secret (ご契約先暗証番号, ご契約先確認暗証番号) against its hash: refused while the
    // contract is locked; a value the form refuses is not a try; a wrong one counts toward the lock
    // (count_contract_failure, audited); a right one resets `failures`.
    BankResult check_contract_secret(std::string_view pin, const PinHash& stored, std::uint32_t& failures,
                                     AuditAction action, BankResult wrong);
    void count_user_failure(User& u, AuditAction action, BankResult wrong, BankResult& out);
    void send_due_mails(CertificateRecord& record, const Holder& holder);
    void complete_branch_request(BranchRequest& request);
    // The record's certificate, if valid, goes on the CRL. The record changes whatever the CA says
    // (the bank's record is what logins check): a failed CRL entry must not keep a reissue or a
    // revocation from happening.
    void revoke_at_ca(const CertificateRecord& record);
    // 再発行 (a user's by the administrator, the administrator's by the branch): the old certificate
    // stops working now (revoke_at_ca); the record waits for a new pickup inside a fresh window.
    void reissue(CertificateRecord& record);
    IssueRequest issue_request_for(CertificateSubject subject) const;
    void await_installation(const IssuedCertificate& issued, const Holder& holder, std::string_view pc,
                            IssuanceKind kind);
    // A certificate that verifies for its holder but is not the record's: superseded when older
    // than the record's, not recorded otherwise (docs/domain.md, Issuance).
    BankResult not_the_record(const IssuedCertificate& facts, const CertificateRecord& record) const;
    // What a certificate that passed the login's handshake is for the login of `expected`: Ok;
    // NotAdminCertificate / NotUserCertificate (the other role); CertificateUnknown (another
    // holder, another contract, unreadable).
    BankResult check_login_holder(const IssuedCertificate& facts, BankResult readable,
                                  const CertificateSubject& expected) const;
    CertificateRecord* record_of(const Holder& holder);  // record_of() above, to change it
    // Who the audit log names for a holder's own steps: kAuditActorAdmin or the 利用者ID.
    static std::string actor_of(const Holder& holder);

    BankState state_;
    RandomSource& random_;
    CertificateAuthority& authority_;
    InputError last_input_error_ = InputError::None;
    std::uint64_t revision_ = 0;
    std::optional<tls::Capture> last_login_handshake_;
};

// How a certificate login's handshake ended, in the bank's words (docs/architecture.md, "The
// certificate login's TLS handshake"): Ok; the client certificate's checks as the challenge login
// named them (CertificateExpired, CertificateRevoked, CertificateUnknown for a foreign CA, a not
// yet valid or unusable certificate); LoginServerNotTrusted when the browser refused the bank's
// server certificate; LoginProofInvalid for anything else (a CertificateVerify that does not verify
// with the certificate's key, a protocol failure). 拒否 (KeyAccessDenied) is the PC's answer, not
// the bank's: the caller handles it first.
BankResult login_handshake_result(const tls::Handshake& handshake);

}  // namespace cp
