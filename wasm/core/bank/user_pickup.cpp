#include "bank/user_pickup.h"

namespace cp {

BankResult UserPickup::fail(BankResult why) {
    step_ = Step::Failed;
    failure_ = why;
    return why;
}

BankResult UserPickup::enter_ids(std::string_view contract_id, std::string_view user_id, std::string_view user_pin) {
    if (step_ != Step::EnterIds) return BankResult::WrongStep;
    BankResult r = bank_.check_user_credentials(contract_id, user_id, user_pin);
    if (r == BankResult::InvalidInput || r == BankResult::UnknownContractOrUser || r == BankResult::WrongUserPin)
        return r;  // typing mistakes: the form stays
    if (r == BankResult::Ok) r = bank_.check_pickup_allowed(user_id);
    if (r != BankResult::Ok) return fail(r);
    user_id_ = std::string(user_id);
    step_ = Step::OneTimePassword;
    return r;
}

BankResult UserPickup::enter_one_time_password(std::string_view code) {
    if (step_ != Step::OneTimePassword) return BankResult::WrongStep;
    const BankResult r = bank_.check_one_time_password(user_id_, code);
    if (r == BankResult::UserSuspended || r == BankResult::ContractLocked || r == BankResult::NoTokenRegistered)
        return fail(r);
    if (r != BankResult::Ok) return r;  // wrong / reused / malformed: a new code can be typed
    step_ = path_ == AcquisitionPath::AcquisitionApp ? Step::StartApp : Step::ConfirmWebAccess;
    return r;
}

BankResult UserPickup::start_app() {
    if (step_ != Step::StartApp) return BankResult::WrongStep;
    step_ = Step::AppReady;
    return BankResult::Ok;
}

BankResult UserPickup::close_app() {
    if (step_ == Step::AppReady) {  // closed before 取得: start it again (the seed)
        step_ = Step::StartApp;
        return BankResult::Ok;
    }
    if (step_ != Step::Acquiring) return BankResult::WrongStep;
    bank_.report_install_failed(user_id_, issued_.serial, BankResult::AppClosedDuringAcquisition);
    issued_ = InstalledCertificate{};
    return fail(BankResult::AppClosedDuringAcquisition);
}

BankResult UserPickup::issue() {
    // The window may have passed while the person was busy: the bank checks again.
    const BankResult r = bank_.issue_pending_user_certificate(user_id_, KeyProtection::Medium, issued_);
    return r == BankResult::Ok ? r : fail(r);
}

void UserPickup::install() {
    installed_serial_ = issued_.serial;
    pc_.install(std::move(issued_));
    issued_ = InstalledCertificate{};
    step_ = Step::Installed;
}

BankResult UserPickup::acquire() {
    if (step_ == Step::StartApp) return BankResult::AcquisitionAppNotRunning;
    if (step_ != Step::AppReady) return BankResult::WrongStep;
    const BankResult r = issue();
    if (r == BankResult::Ok) step_ = Step::Acquiring;
    return r;
}

BankResult UserPickup::finish() {
    if (step_ != Step::Acquiring) return BankResult::WrongStep;
    install();
    return BankResult::Ok;
}

BankResult UserPickup::confirm_web_access(bool yes) {
    if (step_ != Step::ConfirmWebAccess) return BankResult::WrongStep;
    const BankResult r = issue();
    if (r != BankResult::Ok) return r;
    if (!yes) {
        bank_.report_install_failed(user_id_, issued_.serial, BankResult::InstallDeclined);
        issued_ = InstalledCertificate{};
        return fail(BankResult::InstallDeclined);
    }
    install();
    return BankResult::Ok;
}

}  // namespace cp
