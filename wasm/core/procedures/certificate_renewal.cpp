#include "procedures/certificate_renewal.h"

#include <utility>

namespace cp {

CertificateRenewal::CertificateRenewal(Bank& bank, Holder holder, std::function<bool()> logged_in,
                                       PcCertificateStore& pc, PcServices services)
    : bank_(bank), holder_(std::move(holder)), logged_in_(std::move(logged_in)),
      enrollment_(std::make_unique<CertificateEnrollment>(pc, services)), pc_name_(pc.name) {}

FlowResult CertificateRenewal::fail(FlowResult why) {
    step_ = Step::Failed;
    failure_ = why;
    enrollment_->cancel();  // nothing reaches the PC
    return why;
}

FlowResult CertificateRenewal::start() {
    if (step_ != Step::Start || !logged_in_()) return FlowResult::WrongStep;
    if (!bank_.in_renewal_window(holder_)) return fail(BankResult::NotInRenewalWindow);
    enrollment_->prepare_key();
    confirmations_left_ = confirmations_total_ = bank_.state().config.web_access_confirmations;
    step_ = confirmations_left_ == 0 ? Step::ProtectionLevel : Step::ConfirmWebAccess;
    return FlowResult::Ok;
}

FlowResult CertificateRenewal::confirm_web_access(bool yes) {
    if (step_ != Step::ConfirmWebAccess) return FlowResult::WrongStep;
    if (!yes) return fail(FlowResult::Cancelled);  // nothing issued yet: nothing changes
    if (--confirmations_left_ == 0) step_ = Step::ProtectionLevel;
    return FlowResult::Ok;
}

FlowResult CertificateRenewal::choose_protection(KeyProtection level, std::string password) {
    if (step_ != Step::ProtectionLevel) return FlowResult::WrongStep;
    if (level == KeyProtection::High && password.empty()) return BankResult::InvalidInput;  // ask again
    protection_ = level;
    step_ = Step::WaitingForKey;  // 電子証明書発行処理中
    Bank& bank = bank_;
    const Holder holder = holder_;
    const std::string pc = pc_name_;
    enrollment_->enroll(
        bank_.subject_of(holder), KeyChoice{level, std::move(password)},
        [&bank, holder, pc](std::span<const std::uint8_t> csr, IssuedCertificate& out) {
            return bank.issue_renewal(holder, csr, out, pc);
        },
        [this](FlowResult r) { issued(r); });
    return step_ == Step::Failed ? failure_ : FlowResult::Ok;
}

void CertificateRenewal::issued(FlowResult result) {
    if (step_ != Step::WaitingForKey) return;
    if (result != FlowResult::Ok) {
        (void)fail(result);  // nothing was issued
        return;
    }
    step_ = Step::ConfirmInstall;
}

FlowResult CertificateRenewal::confirm_install(bool yes) {
    if (step_ != Step::ConfirmInstall) return FlowResult::WrongStep;
    if (!yes) {
        bank_.report_install_failed(holder_, enrollment_->issued().serial, PcResult::InstallDeclined);
        return fail(PcResult::InstallDeclined);
    }
    const IssuedCertificate issued = enrollment_->issued();
    if (enrollment_->install() != FlowResult::Ok) {
        bank_.report_install_failed(holder_, issued.serial, BankResult::IssuingFailed);
        return fail(BankResult::IssuingFailed);
    }
    // The bank switches to it once the PC's store has saved it (Bank::confirm_installation).
    new_serial_ = issued.serial;
    step_ = Step::Done;
    return FlowResult::Ok;
}

FlowResult CertificateRenewal::cancel() {
    if (step_ == Step::Done || step_ == Step::Failed) return FlowResult::WrongStep;
    if (step_ == Step::ConfirmInstall) {  // issued but never installed
        bank_.report_install_failed(holder_, enrollment_->issued().serial, FlowResult::Cancelled);
    }
    // WaitingForKey: the bank issues only at the very end of the PC's work, so nothing was issued.
    return fail(FlowResult::Cancelled);
}

}  // namespace cp
