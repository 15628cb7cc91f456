#include "procedures/certificate_login_step.h"

#include <utility>

namespace cp {

FlowResult CertificateLoginStep::choose(const InstalledCertificate& certificate) {
    if (phase_ != Phase::ChooseCertificate) return FlowResult::WrongStep;
    std::vector<std::uint8_t> nonce;
    const FlowResult c = bank_.new_login_challenge(nonce);
    if (c != FlowResult::Ok) {
        finish(c);
        return c;
    }
    certificate_ = certificate.certificate;
    phase_ = Phase::KeyAccess;
    signer_.start(certificate, std::move(nonce), [this](FlowResult r) { signed_in(r); });
    return after_key_step();
}

FlowResult CertificateLoginStep::grant(std::string_view password) {
    if (phase_ != Phase::KeyAccess) return FlowResult::WrongStep;
    const FlowResult r = signer_.grant(password);
    if (r != FlowResult::Ok) return r;  // wrong password: asked again
    return after_key_step();
}

FlowResult CertificateLoginStep::deny() {
    if (phase_ != Phase::KeyAccess) return FlowResult::WrongStep;
    signer_.deny();
    return after_key_step();
}

// Where the key step stands after a call: ended (signed_in ran), waiting for the device key, or
// still asking.
FlowResult CertificateLoginStep::after_key_step() {
    if (phase_ == Phase::KeyAccess && signer_.busy()) phase_ = Phase::UnlockingKey;
    return phase_ == Phase::Failed ? failure_ : FlowResult::Ok;
}

void CertificateLoginStep::signed_in(FlowResult result) {
    if (phase_ != Phase::KeyAccess && phase_ != Phase::UnlockingKey) return;
    const FlowResult r = result == FlowResult::Ok ? check_(certificate_, signer_.proof()) : result;
    certificate_.clear();
    finish(r);
}

void CertificateLoginStep::finish(FlowResult result) {
    phase_ = result == FlowResult::Ok ? Phase::Passed : Phase::Failed;
    failure_ = result;
    if (done_) done_(result);
}

}  // namespace cp
