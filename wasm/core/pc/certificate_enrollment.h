// certportal pc: getting a certificate onto a PC — the PC side of 取得 / 更新, shared by the
// user pickup, the administrator renewal, the administrator pickup after a branch reissue and the
// presets. The private key is made on the PC and never leaves it; the bank sees only the CSR.
//
//   prepare_key()   starts key generation (a job: ~0.8 s for RSA-2048 in wasm, in a worker) —
//                   speculatively, when the procedure starts, so the final click waits little
//   enroll()        waits for the key, creates the CSR (job), protects the key at the chosen level
//                   (低 / 中 through the asynchronous device key / 高 with a password), then calls
//                   `issue` (the bank checks its rules and the CA certifies the CSR) → Ready.
//                   The key is protected BEFORE the bank issues: a refusing device key fails with
//                   nothing issued and nothing stored.
//   install()       Ready → the certificate and its protected key enter the PC's store together
//   cancel()        at any point before install(): jobs cancelled, key material wiped, late
//                   completions ignored; nothing is stored (what the bank already issued is the
//                   procedure's business: it reports the failed install to the bank)
//
// busy() is true while a job or the device key is working: the procedure shows its waiting step
// and the UI keeps drawing. Completions may arrive later (browser) or before the call returns
// (LocalKeyJobRunner::Immediate, TestDeviceKey): both are handled. `done` of enroll() runs exactly
// once unless cancel() comes first; destroying the object cancels.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>

#include "bank/certificate_authority.h"
#include "pc/pc_result.h"
#include "pc/pc_certificate_store.h"
#include "pc/pc_services.h"

namespace cp {

// Where enroll() is, for a progress display (電子証明書発行処理中): each stage is real work.
enum class EnrollmentStage : std::uint8_t { MakingKey = 0, CreatingRequest, ProtectingKey, Issuing, Finished, Count_ };

struct KeyChoice {
    KeyProtection protection = KeyProtection::Medium;  // the seed: check that it is 中
    std::string password;                              // 高 only: set now, asked at every use
};

class CertificateEnrollment {
public:
    enum class State : std::uint8_t { Idle, Working, Ready, Installed, Failed, Cancelled };
    using IssueFn = std::function<FlowResult(std::span<const std::uint8_t> csr, IssuedCertificate& out)>;
    using Done = std::function<void(FlowResult)>;

    CertificateEnrollment(PcCertificateStore& store, PcServices pc);
    ~CertificateEnrollment();
    CertificateEnrollment(const CertificateEnrollment&) = delete;
    CertificateEnrollment& operator=(const CertificateEnrollment&) = delete;

    void prepare_key();
    void enroll(const CertificateSubject& subject, KeyChoice choice, IssueFn issue, Done done);
    FlowResult install();
    void cancel();

    State state() const { return state_; }
    bool busy() const { return state_ == State::Working; }
    bool key_generation_pending() const { return key_job_.value != 0; }
    // The stage of enroll()'s work (MakingKey before it starts; Finished once Ready or after).
    EnrollmentStage stage() const;
    FlowResult failure() const { return failure_; }
    // The certificate the bank issued (Ready and after; empty before).
    const IssuedCertificate& issued() const { return issued_; }

private:
    enum class KeyState : std::uint8_t { None, Generating, Ready, Failed };
    enum class Phase : std::uint8_t { WaitKey, CreatingCsr, Protect, Protecting, Issue };
    void advance();
    void step();
    void fail(FlowResult why);
    void wipe();

    PcCertificateStore& store_;
    PcServices pc_;
    State state_ = State::Idle;
    KeyState key_state_ = KeyState::None;
    Phase phase_ = Phase::WaitKey;
    FlowResult failure_ = FlowResult::Ok;
    pki::JobId key_job_;
    pki::JobId csr_job_;
    pki::SecretBytes key_pkcs8_;
    bool advancing_ = false;  // completions that arrive inside advance() loop instead of recursing
    bool again_ = false;
    std::uint32_t generation_ = 0;  // bumped by cancel(): completions of an older generation are ignored
    CertificateSubject subject_;
    KeyChoice choice_;
    IssueFn issue_;
    Done done_;
    pki::Bytes csr_;
    pki::SecretBytes protected_key_;
    IssuedCertificate issued_;
    std::shared_ptr<bool> life_ = std::make_shared<bool>(true);
};

}  // namespace cp
