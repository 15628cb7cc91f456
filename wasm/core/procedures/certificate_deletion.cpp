#include "procedures/certificate_deletion.h"

#include "bank/bank_state.h"

namespace cp {

FlowResult CertificateDeletion::select(std::string_view serial) {
    if (step_ != Step::Select) return FlowResult::WrongStep;
    const InstalledCertificate* chosen = pc_.find(serial);
    if (chosen == nullptr) return PcResult::NoSuchInstalledCertificate;
    bool other_valid = false, other_older = false;
    for (const auto& c : pc_.certificates) {
        if (c.serial == chosen->serial || c.subject != chosen->subject) continue;
        if (!is_past_expiry(c.not_after, now_)) other_valid = true;
        if (c.not_after < chosen->not_after) other_older = true;
    }
    warning_ = FlowResult::Ok;
    if (!is_past_expiry(chosen->not_after, now_) && !other_valid) warning_ = PcResult::DeletingOnlyValidCertificate;
    else if (other_older) warning_ = PcResult::DeletingNewerCertificate;
    serial_ = chosen->serial;
    step_ = Step::Confirm;
    return FlowResult::Ok;
}

FlowResult CertificateDeletion::confirm(bool yes) {
    if (step_ != Step::Confirm) return FlowResult::WrongStep;
    if (!yes) {
        step_ = Step::Cancelled;
        return FlowResult::Cancelled;
    }
    pc_.remove(serial_);
    step_ = Step::Done;
    return FlowResult::Ok;
}

}  // namespace cp
