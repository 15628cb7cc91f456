#include "bank/user_login.h"

namespace cp {

BankResult UserLogin::fail(BankResult why) {
    step_ = Step::Failed;
    failure_ = why;
    return why;
}

BankResult UserLogin::choose_certificate(const InstalledCertificate& certificate) {
    if (step_ != Step::ChooseCertificate) return BankResult::WrongStep;
    const BankResult r = bank_.check_user_certificate(certificate);
    if (r != BankResult::Ok) return fail(r);
    user_id_ = certificate.subject.holder_id;
    step_ = Step::Pin;
    return r;
}

BankResult UserLogin::enter_pin(std::string_view pin) {
    if (step_ != Step::Pin) return BankResult::WrongStep;
    const BankResult r = bank_.check_user_pin(user_id_, pin);
    if (r == BankResult::UserSuspended || r == BankResult::ContractLocked) return fail(r);
    if (r != BankResult::Ok) return r;
    bank_.record_user_login(user_id_);
    step_ = Step::Menu;
    return r;
}

}  // namespace cp
