#include "procedures/admin_renewal.h"

namespace cp {

AdminRenewal::AdminRenewal(Bank& bank, const AdminLogin& session, PcCertificateStore& admin_pc, PcServices services)
    : bank_(bank), session_(session),
      enrollment_(std::make_unique<CertificateEnrollment>(admin_pc, services)) {}

BankResult AdminRenewal::fail(BankResult why) {
    step_ = Step::Failed;
    failure_ = why;
    enrollment_->cancel();  // nothing reaches 管理者のパソコン
    return why;
}

BankResult AdminRenewal::start() {
    if (step_ != Step::Start || !session_.logged_in()) return BankResult::WrongStep;
    if (!bank_.in_admin_renewal_window()) return fail(BankResult::NotInRenewalWindow);
    enrollment_->prepare_key();
    confirmations_left_ = bank_.state().config.web_access_confirmations;
    step_ = confirmations_left_ == 0 ? Step::ProtectionLevel : Step::ConfirmWebAccess;
    return BankResult::Ok;
}

BankResult AdminRenewal::confirm_web_access(bool yes) {
    if (step_ != Step::ConfirmWebAccess) return BankResult::WrongStep;
    if (!yes) return fail(BankResult::Cancelled);  // nothing issued yet: nothing changes
    if (--confirmations_left_ == 0) step_ = Step::ProtectionLevel;
    return BankResult::Ok;
}

BankResult AdminRenewal::choose_protection(KeyProtection level, std::string password) {
    if (step_ != Step::ProtectionLevel) return BankResult::WrongStep;
    if (level == KeyProtection::High && password.empty()) return BankResult::InvalidInput;  // ask again
    protection_ = level;
    step_ = Step::WaitingForKey;  // 電子証明書発行処理中
    Bank& bank = bank_;
    enrollment_->enroll(
        bank_.admin_subject(), KeyChoice{level, std::move(password)},
        [&bank](std::span<const std::uint8_t> csr, IssuedCertificate& out) { return bank.issue_admin_renewal(csr, out); },
        [this](BankResult r) { issued(r); });
    return step_ == Step::Failed ? failure_ : BankResult::Ok;
}

void AdminRenewal::issued(BankResult result) {
    if (step_ != Step::WaitingForKey) return;
    if (result != BankResult::Ok) {
        (void)fail(result);  // nothing was issued
        return;
    }
    step_ = Step::ConfirmInstall;
}

BankResult AdminRenewal::confirm_install(bool yes) {
    if (step_ != Step::ConfirmInstall) return BankResult::WrongStep;
    if (!yes) {
        bank_.report_install_failed("", enrollment_->issued().serial, BankResult::InstallDeclined);
        return fail(BankResult::InstallDeclined);
    }
    const IssuedCertificate issued = enrollment_->issued();
    if (enrollment_->install() != BankResult::Ok) {
        bank_.report_install_failed("", issued.serial, BankResult::IssuingFailed);
        return fail(BankResult::IssuingFailed);
    }
    bank_.commit_admin_renewal(issued);
    new_serial_ = issued.serial;
    step_ = Step::Done;
    return BankResult::Ok;
}

BankResult AdminRenewal::cancel() {
    if (step_ == Step::Done || step_ == Step::Failed) return BankResult::WrongStep;
    if (step_ == Step::ConfirmInstall) {  // issued but never installed
        bank_.report_install_failed("", enrollment_->issued().serial, BankResult::Cancelled);
    }
    // WaitingForKey: the bank issues only at the very end of the PC's work, so nothing was issued.
    return fail(BankResult::Cancelled);
}

}  // namespace cp
