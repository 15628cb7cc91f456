#include "procedures/user_pickup.h"

namespace cp {

UserPickup::UserPickup(Bank& bank, PcCertificateStore& pc, PcServices services, AcquisitionPath path)
    : bank_(bank), path_(path), enrollment_(std::make_unique<CertificateEnrollment>(pc, services)), pc_name_(pc.name) {}

FlowResult UserPickup::fail(FlowResult why) {
    step_ = Step::Failed;
    failure_ = why;
    enrollment_->cancel();  // nothing reaches the PC's store
    return why;
}

FlowResult UserPickup::set_key_choice(KeyChoice choice) {
    if (step_ == Step::WaitingForKey || step_ == Step::Acquiring || step_ == Step::Installed || step_ == Step::Failed)
        return FlowResult::WrongStep;
    key_choice_ = std::move(choice);
    return FlowResult::Ok;
}

FlowResult UserPickup::enter_ids(std::string_view contract_id, std::string_view user_id, std::string_view user_pin) {
    if (step_ != Step::EnterIds) return FlowResult::WrongStep;
    FlowResult r = bank_.check_user_credentials(contract_id, user_id, user_pin);
    if (r == BankResult::InvalidInput || r == BankResult::UnknownContractOrUser || r == BankResult::WrongUserPin)
        return r;  // typing mistakes: the form stays
    if (r == FlowResult::Ok) r = bank_.check_pickup_allowed(user_id);
    if (r != FlowResult::Ok) return fail(r);
    user_id_ = std::string(user_id);
    step_ = Step::OneTimePassword;
    enrollment_->prepare_key();  // speculative: ready by the time 取得 is clicked
    return r;
}

FlowResult UserPickup::enter_one_time_password(std::string_view code) {
    if (step_ != Step::OneTimePassword) return FlowResult::WrongStep;
    const FlowResult r = bank_.check_one_time_password(user_id_, code);
    if (r == BankResult::UserSuspended || r == BankResult::ContractLocked || r == BankResult::NoTokenRegistered)
        return fail(r);
    if (r != FlowResult::Ok) return r;  // wrong / reused / malformed: a new code can be typed
    step_ = path_ == AcquisitionPath::AcquisitionApp ? Step::StartApp : Step::ConfirmWebAccess;
    return r;
}

FlowResult UserPickup::start_app() {
    if (step_ != Step::StartApp) return FlowResult::WrongStep;
    step_ = Step::AppReady;
    return FlowResult::Ok;
}

FlowResult UserPickup::close_app() {
    if (step_ == Step::AppReady) {  // closed before 取得: start it again (the seed)
        step_ = Step::StartApp;
        return FlowResult::Ok;
    }
    if (step_ != Step::WaitingForKey && step_ != Step::Acquiring) return FlowResult::WrongStep;
    // Mid-way: whatever the CA already issued is revoked, the pickup is used up (the seed:
    // 再発行手続きが必要), and the PC stores nothing.
    const std::string serial = enrollment_->issued().serial;
    enrollment_->cancel();
    bank_.report_install_failed(Holder::user(user_id_), serial, PcResult::AppClosedDuringAcquisition);
    return fail(PcResult::AppClosedDuringAcquisition);
}

void UserPickup::start_issuing() {
    step_ = Step::WaitingForKey;
    // The window may have passed while the person was busy: the bank checks again when issuing.
    const std::string user_id = user_id_;
    const std::string pc = pc_name_;
    Bank& bank = bank_;
    enrollment_->enroll(
        bank_.user_subject(user_id_), key_choice_,
        [&bank, user_id, pc](std::span<const std::uint8_t> csr, IssuedCertificate& out) {
            return bank.issue_pending_user_certificate(user_id, csr, out, pc);
        },
        [this](FlowResult r) { issued(r); });
}

void UserPickup::issued(FlowResult result) {
    if (step_ != Step::WaitingForKey) return;
    if (result != FlowResult::Ok) {
        // The PC could not make or protect the key: nothing was issued. A bank refusal (window
        // passed, CA error) leaves the pending record as the bank left it.
        (void)fail(result);  // the step records the outcome; fail() only echoes it
        return;
    }
    if (path_ == AcquisitionPath::AcquisitionApp) step_ = Step::Acquiring;
    else install();  // IE mode: はい was the last question
}

void UserPickup::install() {
    installed_serial_ = enrollment_->issued().serial;
    if (enrollment_->install() != FlowResult::Ok) {
        bank_.report_install_failed(Holder::user(user_id_), installed_serial_, BankResult::IssuingFailed);
        installed_serial_.clear();
        (void)fail(BankResult::IssuingFailed);  // the step records the outcome; fail() only echoes it
        return;
    }
    step_ = Step::Installed;
}

FlowResult UserPickup::acquire() {
    if (step_ == Step::StartApp) return PcResult::AcquisitionAppNotRunning;
    if (step_ != Step::AppReady) return FlowResult::WrongStep;
    start_issuing();
    return step_ == Step::Failed ? failure_ : FlowResult::Ok;
}

FlowResult UserPickup::finish() {
    if (step_ != Step::Acquiring) return FlowResult::WrongStep;
    install();
    return step_ == Step::Failed ? failure_ : FlowResult::Ok;
}

FlowResult UserPickup::confirm_web_access(bool yes) {
    if (step_ != Step::ConfirmWebAccess) return FlowResult::WrongStep;
    if (!yes) {
        // 「いいえ」: the browser may not create the key; the seed says the pickup then needs a
        // reissue. Nothing was issued, nothing is stored.
        enrollment_->cancel();
        bank_.report_install_failed(Holder::user(user_id_), "", PcResult::InstallDeclined);
        return fail(PcResult::InstallDeclined);
    }
    start_issuing();
    return step_ == Step::Failed ? failure_ : FlowResult::Ok;
}

}  // namespace cp
