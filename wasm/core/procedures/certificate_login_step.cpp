#include "procedures/certificate_login_step.h"

#include <utility>

namespace cp {

BankResult CertificateLoginStep::choose(const InstalledCertificate& certificate) {
    if (phase_ != Phase::ChooseCertificate) return BankResult::WrongStep;
    std::vector<std::uint8_t> nonce;
    const BankResult c = bank_.new_login_challenge(nonce);
    if (c != BankResult::Ok) {
        finish(c);
        return c;
    }
    certificate_ = certificate.certificate;
    phase_ = Phase::KeyAccess;
    signer_.start(certificate, std::move(nonce), [this](BankResult r) { signed_in(r); });
    return after_key_step();
}

BankResult CertificateLoginStep::grant(std::string_view password) {
    if (phase_ != Phase::KeyAccess) return BankResult::WrongStep;
    const BankResult r = signer_.grant(password);
    if (r != BankResult::Ok) return r;  // wrong password: asked again
    return after_key_step();
}

BankResult CertificateLoginStep::deny() {
    if (phase_ != Phase::KeyAccess) return BankResult::WrongStep;
    signer_.deny();
    return after_key_step();
}

// Where the key step stands after a call: ended (signed_in ran), waiting for the device key, or
// still asking.
BankResult CertificateLoginStep::after_key_step() {
    if (phase_ == Phase::KeyAccess && signer_.busy()) phase_ = Phase::UnlockingKey;
    return phase_ == Phase::Failed ? failure_ : BankResult::Ok;
}

void CertificateLoginStep::signed_in(BankResult result) {
    if (phase_ != Phase::KeyAccess && phase_ != Phase::UnlockingKey) return;
    const BankResult r = result == BankResult::Ok ? check_(certificate_, signer_.proof()) : result;
    certificate_.clear();
    finish(r);
}

void CertificateLoginStep::finish(BankResult result) {
    phase_ = result == BankResult::Ok ? Phase::Passed : Phase::Failed;
    failure_ = result;
    if (done_) done_(result);
}

}  // namespace cp
