#include "pc/login_signer.h"

#include <utility>

#include "pki/bytes.h"

namespace cp {

static_assert(static_cast<int>(KeyProtection::Low) == static_cast<int>(pki::ProtectionLevel::Low) &&
                  static_cast<int>(KeyProtection::Medium) == static_cast<int>(pki::ProtectionLevel::Medium) &&
                  static_cast<int>(KeyProtection::High) == static_cast<int>(pki::ProtectionLevel::High),
              "the store's protection byte is the PKI's level");

void LoginSigner::start(const InstalledCertificate& certificate, Sign sign, Done done) {
    if (state_ != State::Idle) {
        if (done) done(FlowResult::WrongStep);
        return;
    }
    done_ = std::move(done);
    sign_ = std::move(sign);
    stored_.level = static_cast<pki::ProtectionLevel>(certificate.protection);
    stored_.blob.assign(certificate.protected_key.view().begin(), certificate.protected_key.view().end());
    if (!pc_.complete()) return finish(PcResult::KeyProtectionFailed);
    switch (certificate.protection) {
    case KeyProtection::Low: return (void)grant();
    case KeyProtection::Medium: state_ = State::NeedsConsent; return;
    case KeyProtection::High: state_ = State::NeedsPassword; return;
    }
    finish(PcResult::KeyProtectionFailed);
}

FlowResult LoginSigner::grant(std::string_view password) {
    if (state_ != State::Idle && state_ != State::NeedsConsent && state_ != State::NeedsPassword)
        return FlowResult::WrongStep;
    if (state_ == State::NeedsPassword && password.empty()) return PcResult::WrongKeyPassword;
    state_ = State::Unlocking;
    pki::UnlockOptions options;
    options.password = std::string(password);
    options.device_key = pc_.device_key;
    const std::weak_ptr<bool> life = life_;
    // A wrong password (高, answered before unlock_private_key returns) is the caller's answer,
    // not a completion: the prompt asks again.
    auto answer = std::make_shared<FlowResult>(FlowResult::Ok);
    auto in_call = std::make_shared<bool>(true);
    pki::unlock_private_key(stored_, options, [this, life, answer, in_call](pki::PkiError e, pki::KeyPair key) {
        if (life.expired() || state_ != State::Unlocking) return;
        if (e == pki::PkiError::WrongPassword && *in_call) {
            state_ = State::NeedsPassword;
            *answer = PcResult::WrongKeyPassword;
            return;
        }
        if (e != pki::PkiError::Ok) return finish(PcResult::KeyProtectionFailed);
        sign(key);
    });
    *in_call = false;
    return *answer;
}

void LoginSigner::deny() {
    if (state_ != State::NeedsConsent && state_ != State::NeedsPassword) return;
    finish(PcResult::KeyAccessDenied);
}

void LoginSigner::sign(const pki::KeyPair& key) {
    Sign sign = std::move(sign_);
    sign_ = nullptr;
    finish(sign ? sign(key) : FlowResult(PcResult::KeyProtectionFailed));
}

void LoginSigner::finish(FlowResult result) {
    state_ = result == FlowResult::Ok ? State::Signed : State::Failed;
    pki::secure_wipe(stored_.blob.data(), stored_.blob.size());
    stored_.blob.clear();
    sign_ = nullptr;
    Done done = std::move(done_);
    done_ = nullptr;
    if (done) done(result);
}

}  // namespace cp
