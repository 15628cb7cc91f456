#include "procedures/certificate_deletion.h"

#include "bank/bank_state.h"

namespace cp {

BankResult CertificateDeletion::select(std::string_view serial) {
    if (step_ != Step::Select) return BankResult::WrongStep;
    const InstalledCertificate* chosen = pc_.find(serial);
    if (chosen == nullptr) return BankResult::NoSuchInstalledCertificate;
    bool other_valid = false, other_older = false;
    for (const auto& c : pc_.certificates) {
        if (c.serial == chosen->serial || c.subject != chosen->subject) continue;
        if (!is_past_expiry(c.not_after, now_)) other_valid = true;
        if (c.not_after < chosen->not_after) other_older = true;
    }
    warning_ = BankResult::Ok;
    if (!is_past_expiry(chosen->not_after, now_) && !other_valid) warning_ = BankResult::DeletingOnlyValidCertificate;
    else if (other_older) warning_ = BankResult::DeletingNewerCertificate;
    serial_ = chosen->serial;
    step_ = Step::Confirm;
    return BankResult::Ok;
}

BankResult CertificateDeletion::confirm(bool yes) {
    if (step_ != Step::Confirm) return BankResult::WrongStep;
    if (!yes) {
        step_ = Step::Cancelled;
        return BankResult::Cancelled;
    }
    pc_.remove(serial_);
    step_ = Step::Done;
    return BankResult::Ok;
}

}  // namespace cp
