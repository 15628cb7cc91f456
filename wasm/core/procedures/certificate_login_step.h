// certportal procedures: the certificate part of a login (管理者ログオン and 利用者ログイン share it),
// a mutual-TLS handshake with the bank's login server (tls/handshake.h, Bank::new_login_handshake):
//   ChooseCertificate  証明書の選択: the handshake has started (made with the step) and is held
//                      at the server's CertificateRequest; accepted_authorities() is what it asks for
//   KeyAccess          保護レベル 中: 「アクセス許可の付与」 (grant()) / 高: the key's password
//                      (a wrong one keeps the phase); 低 skips it; deny() fails with KeyAccessDenied
//                      and the handshake ends with the client's alert (Handshake::refuse)
//   UnlockingKey       the PC's device key is unsealing the key (asynchronous)
//   Passed / Failed    the end: the handshake ran with the certificate and its unlocked key (lent
//                      to Handshake::provide_certificate) and `check` (the bank's verdict on the
//                      handshake and the certificate) accepted it, or a failure (key access, the
//                      handshake, the check)
// `done` runs once, at the end, with Ok or the failure; it may run inside choose() / grant() /
// deny() (低, a refusal) or later (the device key). The certificate is kept only until checked.
// Every ended handshake is kept by the bank (Bank::last_login_handshake: the viewer's source).
// CertificateLogin (below) is what both logins build on: the login's step and failure around it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "bank/bank.h"
#include "pc/login_signer.h"
#include "tls/handshake.h"

namespace cp {

class CertificateLoginStep {
public:
    enum class Phase : std::uint8_t { ChooseCertificate, KeyAccess, UnlockingKey, Passed, Failed };
    // The bank's verdict on the ended handshake and the certificate it carried.
    using Check = std::function<FlowResult(const tls::Handshake& handshake)>;
    using Done = std::function<void(FlowResult)>;

    // Starts the handshake: the server's flight waits for the certificate.
    CertificateLoginStep(Bank& bank, PcServices pc, Check check, Done done);
    ~CertificateLoginStep();
    CertificateLoginStep(const CertificateLoginStep&) = delete;  // the signer calls back into it
    CertificateLoginStep& operator=(const CertificateLoginStep&) = delete;

    Phase phase() const { return phase_; }
    // A login's Step begins ChooseCertificate, KeyAccess, UnlockingKey: while this step runs, that
    // is the login's step; once it has ended, the login's own (`after`, moved on by `done`).
    template <class Step>
    Step login_step(Step after) const {
        switch (phase_) {
        case Phase::ChooseCertificate: return Step::ChooseCertificate;
        case Phase::KeyAccess: return Step::KeyAccess;
        case Phase::UnlockingKey: return Step::UnlockingKey;
        case Phase::Passed:
        case Phase::Failed: break;
        }
        return after;
    }
    // KeyAccess: true when the key asks a password (高), false for a consent prompt (中).
    bool needs_password() const { return signer_.state() == LoginSigner::State::NeedsPassword; }

    // Each returns WrongStep outside its phase; otherwise Ok, or the failure when the step ended
    // in Failed during the call. grant() returns WrongKeyPassword (phase kept) for a wrong password.
    FlowResult choose(const InstalledCertificate& certificate);
    FlowResult grant(std::string_view password = {});
    FlowResult deny();

    // The handshake's TLS version and, in TLS 1.2, the CA names (DER) of the server's
    // CertificateRequest (Handshake::requested_authorities; empty in TLS 1.3, whose Mbed TLS server
    // sends none: the chooser filters by the bank's CA, docs/architecture.md).
    std::optional<tls::Version> tls_version() const;
    std::vector<pki::Bytes> requested_authorities() const;
    // Whether 証明書の選択 lists `certificate`: its issuer is one the CertificateRequest accepts
    // (TLS 1.2: requested_authorities(); TLS 1.3: the bank's issuing CA). A user's certificate at the
    // administrator's login is the bank's CA's too: listed (the seed's 誤った証明書 stays a choice).
    bool accepts(const InstalledCertificate& certificate) const;

private:
    FlowResult after_key_step();
    FlowResult present(const pki::KeyPair& key);
    void signed_in(FlowResult result);
    void finish(FlowResult result);

    Bank& bank_;
    LoginSigner signer_;
    std::unique_ptr<tls::Handshake> handshake_;  // until the step ends
    std::vector<pki::Bytes> accepted_issuers_;   // Names (DER) the chooser lists certificates of
    Check check_;
    Done done_;
    std::vector<std::uint8_t> certificate_;  // the chosen certificate (DER) while it is being proven
    Phase phase_ = Phase::ChooseCertificate;
    FlowResult failure_ = FlowResult::Ok;
};

// The part both certificate logins share (AdminLogin, UserLogin): the login's step and failure,
// and the certificate step's calls. `Step` begins ChooseCertificate, KeyAccess, UnlockingKey and
// has Failed; the certificate the bank accepted (`check`) moves the login on to `after`, its own
// next step, and a failure to Failed.
template <class Step>
class CertificateLogin {
public:
    Step step() const { return certificate_step_->login_step(step_); }
    FlowResult failure() const { return failure_; }

    FlowResult choose_certificate(const InstalledCertificate& certificate) { return certificate_step_->choose(certificate); }
    // KeyAccess: true when the key asks a password (高), false for a consent prompt (中).
    bool key_access_needs_password() const { return certificate_step_->needs_password(); }
    // 「アクセス許可の付与」 → OK (中), or the key's password (高): WrongKeyPassword asks again.
    FlowResult grant_key_access(std::string_view password = {}) { return certificate_step_->grant(password); }
    FlowResult deny_key_access() { return certificate_step_->deny(); }
    // What the server's CertificateRequest asks for (CertificateLoginStep::requested_authorities).
    std::optional<tls::Version> tls_version() const { return certificate_step_->tls_version(); }
    std::vector<pki::Bytes> requested_authorities() const { return certificate_step_->requested_authorities(); }
    bool accepts(const InstalledCertificate& certificate) const { return certificate_step_->accepts(certificate); }

protected:
    CertificateLogin(Bank& bank, PcServices pc, CertificateLoginStep::Check check, Step after)
        : certificate_step_(std::make_unique<CertificateLoginStep>(bank, pc, std::move(check), [this, after](FlowResult r) {
              // fail() returns `r` back for callers that return it; here the step is the outcome.
              if (r != FlowResult::Ok) (void)fail(r);
              else step_ = after;
          })) {}

    FlowResult fail(FlowResult why) {
        step_ = Step::Failed;
        failure_ = why;
        return why;
    }

    Step step_ = Step::ChooseCertificate;  // the login's own, once the certificate step has ended

private:
    std::unique_ptr<CertificateLoginStep> certificate_step_;  // ChooseCertificate .. UnlockingKey
    FlowResult failure_ = FlowResult::Ok;
};

}  // namespace cp
