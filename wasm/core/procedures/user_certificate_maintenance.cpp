#include "procedures/user_certificate_maintenance.h"

namespace cp {

BankResult UserCertificateMaintenance::select_user(std::string_view user_id) {
    if (!allowed(Step::SelectUser)) return BankResult::WrongStep;
    if (bank_.find_user(user_id) == nullptr) return BankResult::UnknownUser;
    user_id_ = std::string(user_id);
    step_ = Step::ChangeOrDelete;
    return BankResult::Ok;
}

BankResult UserCertificateMaintenance::choose_change() {
    if (!allowed(Step::ChangeOrDelete)) return BankResult::WrongStep;
    step_ = Step::EditCertificate;
    return BankResult::Ok;
}

BankResult UserCertificateMaintenance::apply(UserCertificateAction action, std::string_view confirmation_pin,
                                             std::string_view reason) {
    if (!allowed(Step::EditCertificate)) return BankResult::WrongStep;
    const BankResult r = bank_.apply_user_certificate_action(user_id_, action, confirmation_pin, reason);
    if (r == BankResult::ContractLocked) {
        step_ = Step::Failed;
        failure_ = r;
        return r;
    }
    if (r != BankResult::Ok) return r;  // wrong PIN: stay on the form
    const User* u = selected();
    token_missing_ = action == UserCertificateAction::Reissue && u != nullptr && !u->token.registered();
    step_ = Step::Done;
    return r;
}

}  // namespace cp
