#include "procedures/certificate_login_step.h"

#include <algorithm>
#include <utility>

#include "pki/certificate.h"
#include "tls/capture.h"

namespace cp {

CertificateLoginStep::CertificateLoginStep(Bank& bank, PcServices pc, Check check, Done done)
    : bank_(bank), signer_(pc), check_(std::move(check)), done_(std::move(done)) {
    if (pc.rng != nullptr) handshake_ = bank_.new_login_handshake(*pc.rng);
    if (!handshake_) return;
    handshake_->start();
    if (handshake_->version() == tls::Version::Tls12) {
        accepted_issuers_ = handshake_->requested_authorities();  // read off the wire
    } else {  // Mbed TLS's TLS 1.3 server names no CA: the one it is configured with
        tls::ServerConfig server;
        if (bank_.authority().login_server(server) == BankResult::Ok) {
            const pki::ByteView name = server.issuing_ca->subject_der();
            accepted_issuers_.emplace_back(name.begin(), name.end());
        }
    }
}

bool CertificateLoginStep::accepts(const InstalledCertificate& certificate) const {
    pki::Certificate cert;
    if (cert.parse(certificate.certificate) != pki::PkiError::Ok) return false;
    const pki::ByteView issuer = cert.issuer_der();
    for (const pki::Bytes& name : accepted_issuers_)
        if (std::equal(name.begin(), name.end(), issuer.begin(), issuer.end())) return true;
    return false;
}

CertificateLoginStep::~CertificateLoginStep() = default;

std::optional<tls::Version> CertificateLoginStep::tls_version() const {
    if (!handshake_) return std::nullopt;
    return handshake_->version();
}

std::vector<pki::Bytes> CertificateLoginStep::requested_authorities() const {
    return handshake_ ? handshake_->requested_authorities() : std::vector<pki::Bytes>{};
}

FlowResult CertificateLoginStep::choose(const InstalledCertificate& certificate) {
    if (phase_ != Phase::ChooseCertificate) return FlowResult::WrongStep;
    certificate_ = certificate.certificate;
    phase_ = Phase::KeyAccess;
    if (handshake_ && handshake_->state() != tls::Handshake::State::AwaitingCertificate) {
        // The handshake failed before asking for a certificate: the bank says why.
        signed_in(FlowResult::Ok);
        return after_key_step();
    }
    signer_.start(
        certificate, [this](const pki::KeyPair& key) { return present(key); },
        [this](FlowResult r) { signed_in(r); });
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

// The unlocked key signs the handshake's CertificateVerify: the held flight is delivered and the
// handshake runs to its end (its outcome is the bank's to judge: signed_in → check_).
FlowResult CertificateLoginStep::present(const pki::KeyPair& key) {
    if (!handshake_) return BankResult::LoginProofInvalid;  // the bank has no login server
    pki::Certificate certificate;
    if (certificate.parse(certificate_) != pki::PkiError::Ok) {
        handshake_->refuse();  // the browser cannot send what it cannot read
        return BankResult::CertificateUnknown;
    }
    handshake_->provide_certificate(certificate, key);
    return FlowResult::Ok;
}

void CertificateLoginStep::signed_in(FlowResult result) {
    if (phase_ != Phase::KeyAccess && phase_ != Phase::UnlockingKey) return;
    // The key was not given (拒否, the device key refused): the browser aborts the handshake.
    if (handshake_ && handshake_->state() == tls::Handshake::State::AwaitingCertificate) handshake_->refuse();
    FlowResult r = result;
    if (result == FlowResult::Ok) r = check_(*handshake_);
    certificate_.clear();
    finish(r);
}

void CertificateLoginStep::finish(FlowResult result) {
    if (handshake_) {
        bank_.keep_login_handshake(tls::capture_of(*handshake_));
        handshake_.reset();
    }
    phase_ = result == FlowResult::Ok ? Phase::Passed : Phase::Failed;
    failure_ = result;
    if (done_) done_(result);
}

}  // namespace cp
