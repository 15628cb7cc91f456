#include "pc/certificate_enrollment.h"

#include <utility>

namespace cp {
namespace {

pki::ClientSubject client_subject(const CertificateSubject& s) {
    pki::ClientSubject c;
    c.contract_id = s.contract_id;
    c.role = s.kind == HolderKind::Administrator ? pki::CertificateRole::Administrator : pki::CertificateRole::User;
    (s.kind == HolderKind::Administrator ? c.bank_code : c.user_id) = s.holder_id;
    return c;
}

pki::ProtectionLevel level_of(KeyProtection p) {
    switch (p) {
    case KeyProtection::Low: return pki::ProtectionLevel::Low;
    case KeyProtection::Medium: return pki::ProtectionLevel::Medium;
    case KeyProtection::High: return pki::ProtectionLevel::High;
    }
    return pki::ProtectionLevel::Medium;
}

}  // namespace

CertificateEnrollment::CertificateEnrollment(PcCertificateStore& store, PcServices pc) : store_(store), pc_(pc) {}

CertificateEnrollment::~CertificateEnrollment() {
    if (state_ != State::Installed) cancel();
    life_.reset();
}

void CertificateEnrollment::prepare_key() {
    if (key_state_ != KeyState::None || (state_ != State::Idle && state_ != State::Working)) return;
    if (!pc_.complete()) {
        key_state_ = KeyState::Failed;
        return;
    }
    key_state_ = KeyState::Generating;
    const std::weak_ptr<bool> life = life_;
    const std::uint32_t gen = generation_;
    const pki::JobId id = pc_.key_jobs->submit_key_generation(pc_.key_type, [this, life, gen](pki::KeyJobResult r) {
        if (life.expired() || gen != generation_) return;  // cancelled or destroyed: drop the key
        key_job_ = pki::JobId{};
        if (r.error != pki::PkiError::Ok) {
            key_state_ = KeyState::Failed;
        } else {
            key_pkcs8_ = std::move(r.private_key_pkcs8);
            key_state_ = KeyState::Ready;
        }
        if (state_ == State::Working && phase_ == Phase::WaitKey) advance();
    });
    if (key_state_ == KeyState::Generating && gen == generation_) key_job_ = id;  // still running
}

void CertificateEnrollment::enroll(const CertificateSubject& subject, KeyChoice choice, IssueFn issue, Done done) {
    if (state_ != State::Idle) {
        if (done) done(FlowResult::WrongStep);
        return;
    }
    subject_ = subject;
    choice_ = std::move(choice);
    issue_ = std::move(issue);
    done_ = std::move(done);
    state_ = State::Working;
    phase_ = Phase::WaitKey;
    advance();
}

void CertificateEnrollment::advance() {
    if (advancing_) {
        again_ = true;
        return;
    }
    const std::weak_ptr<bool> life = life_;
    advancing_ = true;
    do {
        again_ = false;
        step();
        if (life.expired()) return;  // `done` destroyed the owner
    } while (again_ && state_ == State::Working);
    advancing_ = false;
}

EnrollmentStage CertificateEnrollment::stage() const {
    if (state_ == State::Ready || state_ == State::Installed) return EnrollmentStage::Finished;
    switch (phase_) {
        case Phase::WaitKey: return EnrollmentStage::MakingKey;
        case Phase::CreatingCsr: return EnrollmentStage::CreatingRequest;
        case Phase::Protect:
        case Phase::Protecting: return EnrollmentStage::ProtectingKey;
        case Phase::Issue: return EnrollmentStage::Issuing;
    }
    return EnrollmentStage::MakingKey;
}

void CertificateEnrollment::step() {
    const std::weak_ptr<bool> life = life_;
    const std::uint32_t gen = generation_;
    switch (phase_) {
    case Phase::WaitKey:
        if (key_state_ == KeyState::None) prepare_key();
        if (key_state_ == KeyState::Failed) return fail(PcResult::KeyGenerationFailed);
        if (key_state_ != KeyState::Ready) return;  // the key job completes later
        phase_ = Phase::CreatingCsr;
        {
            const pki::JobId id = pc_.key_jobs->submit_csr_creation(
                key_pkcs8_.view(), client_subject(subject_), [this, life, gen](pki::KeyJobResult r) {
                    if (life.expired() || gen != generation_ || phase_ != Phase::CreatingCsr) return;
                    csr_job_ = pki::JobId{};
                    if (r.error != pki::PkiError::Ok) return fail(PcResult::KeyGenerationFailed);
                    csr_ = std::move(r.csr_der);
                    phase_ = Phase::Protect;
                    advance();
                });
            if (phase_ == Phase::CreatingCsr && gen == generation_) csr_job_ = id;
        }
        return;
    case Phase::Protect: {
        phase_ = Phase::Protecting;
        pki::KeyPair key;
        if (key.parse_private_key(key_pkcs8_.view()) != pki::PkiError::Ok) return fail(PcResult::KeyGenerationFailed);
        pki::ProtectOptions options;
        options.level = level_of(choice_.protection);
        options.password = choice_.password;
        options.pbkdf2_iterations = pc_.pbkdf2_iterations;
        options.device_key = pc_.device_key;
        pki::protect_private_key(key, options, *pc_.rng, [this, life, gen](pki::PkiError e, pki::StoredKey stored) {
            if (life.expired() || gen != generation_ || phase_ != Phase::Protecting) return;
            if (e != pki::PkiError::Ok) return fail(PcResult::KeyProtectionFailed);
            protected_key_ = pki::SecretBytes(stored.blob);
            pki::secure_wipe(stored.blob.data(), stored.blob.size());
            phase_ = Phase::Issue;
            advance();
        });
        return;
    }
    case Phase::Issue: {
        const FlowResult r = issue_ ? issue_(csr_, issued_) : BankResult::IssuingFailed;
        if (r != FlowResult::Ok) return fail(r);
        key_pkcs8_.clear();  // only the protected form stays
        state_ = State::Ready;
        Done done = std::move(done_);
        done_ = nullptr;
        if (done) done(FlowResult::Ok);
        return;
    }
    case Phase::CreatingCsr:
    case Phase::Protecting:
        return;  // a completion moves on
    }
}

void CertificateEnrollment::fail(FlowResult why) {
    state_ = State::Failed;
    failure_ = why;
    ++generation_;
    wipe();
    Done done = std::move(done_);
    done_ = nullptr;
    if (done) done(why);
}

void CertificateEnrollment::wipe() {
    // Completions of the cancelled jobs run (now or later) with the old generation: ignored.
    const pki::JobId key_job = std::exchange(key_job_, pki::JobId{});
    const pki::JobId csr_job = std::exchange(csr_job_, pki::JobId{});
    // False only when the job already finished: its completion is ignored either way.
    if (key_job.value != 0) (void)pc_.key_jobs->cancel(key_job);
    if (csr_job.value != 0) (void)pc_.key_jobs->cancel(csr_job);
    key_pkcs8_.clear();
    protected_key_.clear();
    csr_.clear();
    issued_ = IssuedCertificate{};
    if (key_state_ != KeyState::Failed) key_state_ = KeyState::None;
}

void CertificateEnrollment::cancel() {
    if (state_ == State::Installed || state_ == State::Cancelled) return;
    state_ = State::Cancelled;
    ++generation_;
    done_ = nullptr;
    wipe();
}

FlowResult CertificateEnrollment::install() {
    if (state_ != State::Ready) return FlowResult::WrongStep;
    // Certificate and key together (one record pair when saved).
    store_.install({.serial = issued_.serial, .subject = issued_.subject, .not_before = issued_.not_before,
                    .not_after = issued_.not_after, .protection = choice_.protection,
                    .certificate = issued_.certificate, .protected_key = std::move(protected_key_)});
    protected_key_.clear();
    state_ = State::Installed;
    return FlowResult::Ok;
}

}  // namespace cp
