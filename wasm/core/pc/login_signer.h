// certportal pc: the PC side of a certificate login — the OS unlocking the chosen certificate's
// private key for the TLS handshake's CertificateVerify (tls/handshake.h).
//
//   start()   the certificate chosen in 証明書の選択 and what signs with its key (`sign`: the
//             handshake's provide_certificate, procedures/certificate_login_step.h). 低: at once;
//             中: NeedsConsent (「このアプリが秘密キーにアクセスすることを許可しますか？」 →
//             「アクセス許可の付与」); 高: NeedsPassword (asked at every use)
//   grant()   consent, or the password: 中 unseals through the PC's device key (asynchronous:
//             Unlocking, then Signed); 高 decrypts at once — a wrong password gives
//             WrongKeyPassword and asks again
//   deny()    Failed with KeyAccessDenied
// `done` runs once, with Ok (proof() holds the nonce and signature) or the failure
// (KeyAccessDenied, KeyProtectionFailed when the device key refuses, LoginProofInvalid when the
// key cannot sign). The unlocked key lives only while signing.
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "bank/certificate_authority.h"
#include "pc/pc_result.h"
#include "pc/pc_services.h"

namespace cp {

class LoginSigner {
public:
    enum class State : std::uint8_t { Idle, NeedsConsent, NeedsPassword, Unlocking, Signed, Failed };
    using Done = std::function<void(FlowResult)>;
    // Signs with the unlocked key (lent for the call); its result ends the signer.
    using Sign = std::function<FlowResult(const pki::KeyPair& key)>;

    explicit LoginSigner(PcServices pc) : pc_(pc) {}
    ~LoginSigner() { life_.reset(); }
    LoginSigner(const LoginSigner&) = delete;
    LoginSigner& operator=(const LoginSigner&) = delete;

    void start(const InstalledCertificate& certificate, Sign sign, Done done);
    FlowResult grant(std::string_view password = {});
    void deny();

    State state() const { return state_; }
    bool busy() const { return state_ == State::Unlocking; }

private:
    void sign(const pki::KeyPair& key);
    void finish(FlowResult result);

    PcServices pc_;
    State state_ = State::Idle;
    pki::StoredKey stored_;
    Sign sign_;
    Done done_;
    std::shared_ptr<bool> life_ = std::make_shared<bool>(true);
};

}  // namespace cp
