#include "bank/admin_renewal.h"

namespace cp {

BankResult AdminRenewal::fail(BankResult why) {
    step_ = Step::Failed;
    failure_ = why;
    return why;
}

BankResult AdminRenewal::start() {
    if (step_ != Step::Start || !session_.logged_in()) return BankResult::WrongStep;
    if (!bank_.in_admin_renewal_window()) return fail(BankResult::NotInRenewalWindow);
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

BankResult AdminRenewal::choose_protection(KeyProtection level) {
    if (step_ != Step::ProtectionLevel) return BankResult::WrongStep;
    const BankResult r = bank_.issue_admin_renewal(level, issued_);  // 電子証明書発行処理中
    if (r != BankResult::Ok) return fail(r);
    step_ = Step::ConfirmInstall;
    return r;
}

BankResult AdminRenewal::confirm_install(bool yes) {
    if (step_ != Step::ConfirmInstall) return BankResult::WrongStep;
    if (!yes) {
        bank_.report_install_failed("", issued_.serial, BankResult::InstallDeclined);
        issued_ = InstalledCertificate{};
        return fail(BankResult::InstallDeclined);
    }
    bank_.commit_admin_renewal(issued_);
    new_serial_ = issued_.serial;
    pc_.install(std::move(issued_));
    issued_ = InstalledCertificate{};
    step_ = Step::Done;
    return BankResult::Ok;
}

}  // namespace cp
