#include "procedures/user_certificate_maintenance.h"

namespace cp {

FlowResult UserCertificateMaintenance::select_user(std::string_view user_id) {
    if (!allowed(Step::SelectUser)) return FlowResult::WrongStep;
    if (bank_.find_user(user_id) == nullptr) return BankResult::UnknownUser;
    user_id_ = std::string(user_id);
    step_ = Step::ChangeOrDelete;
    return FlowResult::Ok;
}

FlowResult UserCertificateMaintenance::choose_change() {
    if (!allowed(Step::ChangeOrDelete)) return FlowResult::WrongStep;
    step_ = Step::EditCertificate;
    return FlowResult::Ok;
}

FlowResult UserCertificateMaintenance::apply(UserCertificateAction action, std::string_view confirmation_pin,
                                             std::string_view reason) {
    if (!allowed(Step::EditCertificate)) return FlowResult::WrongStep;
    const FlowResult r = bank_.apply_user_certificate_action(user_id_, action, confirmation_pin, reason);
    if (r == BankResult::ContractLocked) {
        step_ = Step::Failed;
        failure_ = r;
        return r;
    }
    if (r != FlowResult::Ok) return r;  // wrong PIN: stay on the form
    const User* u = selected();
    token_missing_ = action == UserCertificateAction::Reissue && u != nullptr && !u->token.registered();
    step_ = Step::Done;
    return r;
}

}  // namespace cp
