#include "portal/flows/admin_flow.h"

#include <algorithm>

#include "portal/flows/key_access_answer.h"

namespace cp {

const char* revoke_reason_name(RevokeReason reason) {
    switch (reason) {
        case RevokeReason::None: return "none";
        case RevokeReason::Lost: return "lost";
        case RevokeReason::PcReplaced: return "pc-replaced";
        case RevokeReason::LeftCompany: return "left-company";
        case RevokeReason::Other: return "other";
        case RevokeReason::Count_: break;
    }
    return "?";
}

void AdminFlow::View::wipe_secrets() {
    contract_pin.wipe();
    card_first.wipe();
    card_second.wipe();
    key_password.wipe();
    confirmation_pin.wipe();
}

AdminFlow::AdminFlow(Bank& bank, PcServices pc, PcCertificateStore& store)
    : HolderFlow(bank, pc, store), login_(std::make_unique<AdminLogin>(bank, pc)) {
    previous_logon_ = bank.state().contract.last_admin_login;
    view_.highlighted_certificate = first_certificate(login_.get());
}

AdminFlow::~AdminFlow() {
    end_renewal();
    view_.wipe_secrets();
}

const CertificateRenewal* AdminFlow::renewal() const { return renewal_ ? &renewal_->renewal() : nullptr; }

bool AdminFlow::renewal_offered() const { return login_->logged_in() && bank_.in_admin_renewal_window(); }

AdminFlow::Screen AdminFlow::screen() const {
    switch (login_->step()) {
        case AdminLogin::Step::ChooseCertificate: return Screen::ChooseCertificate;
        case AdminLogin::Step::KeyAccess: return Screen::KeyAccess;
        case AdminLogin::Step::UnlockingKey: return Screen::UnlockingKey;
        case AdminLogin::Step::ContractPin: return Screen::ContractPin;
        case AdminLogin::Step::CardChallenge: return Screen::CardChallenge;
        case AdminLogin::Step::Notices: return Screen::Notices;
        case AdminLogin::Step::Failed: return Screen::Failed;
        case AdminLogin::Step::Menu: break;
    }
    if (renewal_) return Screen::Renewal;
    if (!maintenance_) return Screen::Menu;
    switch (maintenance_->step()) {
        case UserCertificateMaintenance::Step::SelectUser:
        case UserCertificateMaintenance::Step::ChangeOrDelete: return Screen::UserGrid;
        case UserCertificateMaintenance::Step::EditCertificate: return Screen::UserEdit;
        case UserCertificateMaintenance::Step::Done: return Screen::UserDone;
        case UserCertificateMaintenance::Step::Failed: return Screen::Failed;
    }
    return Screen::Failed;
}

bool AdminFlow::dialog_open() const { return dialog_of(screen_row(kAdminScreens, screen()).kind); }

FlowResult AdminFlow::failure() const {
    if (login_->step() == AdminLogin::Step::Failed) return login_->failure();
    if (maintenance_ && maintenance_->step() == UserCertificateMaintenance::Step::Failed) return maintenance_->failure();
    if (renewal_ && renewal_->renewal().step() == CertificateRenewal::Step::Failed) return renewal_->renewal().failure();
    return FlowResult::Ok;
}

SimTime AdminFlow::pickup_deadline() const {
    const User* u = maintenance_ ? maintenance_->selected() : nullptr;
    return u != nullptr ? pending_pickup_deadline(u->certificate) : 0;
}

namespace {

FormEffect form_effect(const AdminCommand& command) {
    return std::visit(overloaded{
                          [](const cmd::SetRevokeReason&) { return FormEffect::Choice; },
                          [](const cmd::SetHideNotices&) { return FormEffect::Choice; },
                          [](const cmd::ShowCertificateProperties&) { return FormEffect::View; },
                          [](const cmd::SelectMenuTab&) { return FormEffect::View; },
                          [](const cmd::ToggleMenuSection&) { return FormEffect::View; },
                          [](const cmd::VerifyAuditLog&) { return FormEffect::View; },
                          [](const cmd::ShowMoreUsers&) { return FormEffect::View; },
                          [](const cmd::ToggleUserActions&) { return FormEffect::View; },
                          [](const cmd::SetCertificateAction&) { return FormEffect::View; },
                          [](const auto&) { return FormEffect::Submit; },
                      },
                      command);
}

}  // namespace

FlowResult AdminFlow::apply(const AdminCommand& command) {
    return outcome_of(form_effect(command), [&] { return apply_one(command); });
}

FlowResult AdminFlow::apply_one(const AdminCommand& command) {
    return std::visit(
        overloaded{
            [&](const cmd::ChooseCertificate& c) -> FlowResult { return choose_certificate(*login_, c.serial); },
            [&](const cmd::ShowCertificateProperties& c) -> FlowResult {
                properties_serial_ = c.serial;
                return FlowResult::Ok;
            },
            [&](const cmd::GrantKeyAccess& c) -> FlowResult {
                return grant_key_access(*login_, c.password, view_.key_password, error_slot(Field::KeyPassword));
            },
            [&](const cmd::DenyKeyAccess&) -> FlowResult {
                return deny_key_access(*login_, view_.key_password);
            },
            [&](const cmd::SubmitContractPin& c) -> FlowResult {
                // What the form refuses never reaches the bank and costs no try (docs/domain.md).
                set_field_error(Field::ContractPin, validate_contract_pin(c.pin.reveal()));
                if (has_field_errors()) {
                    view_.contract_pin.wipe();
                    return BankResult::InvalidInput;
                }
                const FlowResult r = login_->enter_contract_pin(c.pin.reveal());
                view_.contract_pin.wipe();
                if (r == BankResult::WrongContractPin) tries_left_ = bank_.contract_pin_tries_left();
                return r;
            },
            [&](const cmd::ClearContractPin&) -> FlowResult {
                view_.contract_pin.wipe();
                return FlowResult::Ok;
            },
            [&](const cmd::SubmitCardAnswers& c) -> FlowResult {
                set_field_error(Field::CardFirst, validate_card_answer(c.first.reveal()));
                set_field_error(Field::CardSecond, validate_card_answer(c.second.reveal()));
                if (has_field_errors()) return BankResult::InvalidInput;
                const FlowResult r = login_->answer_card(c.first.reveal(), c.second.reveal());
                view_.card_first.wipe();
                view_.card_second.wipe();
                if (r == BankResult::WrongCardAnswer) tries_left_ = bank_.card_tries_left();
                return r;
            },
            [&](const cmd::SetHideNotices& c) -> FlowResult {
                if (login_->step() != AdminLogin::Step::Notices) return FlowResult::WrongStep;
                hide_notices_ = c.hide;
                return FlowResult::Ok;
            },
            [&](const cmd::AcknowledgeNotices&) -> FlowResult {
                return login_->acknowledge_notices(hide_notices_);
            },
            [&](const cmd::SelectMenuTab& c) -> FlowResult {
                if (!login_->logged_in()) return FlowResult::WrongStep;
                tab_ = c.tab;
                maintenance_.reset();
                end_renewal();
                return FlowResult::Ok;
            },
            [&](const cmd::ToggleMenuSection& c) -> FlowResult {
                if (!login_->logged_in()) return FlowResult::WrongStep;
                bool& open = c.section == MenuSection::Status ? status_open_ : audit_open_;
                open = !open;
                return FlowResult::Ok;
            },
            [&](const cmd::VerifyAuditLog&) -> FlowResult {
                if (!login_->logged_in()) return FlowResult::WrongStep;
                const AuditLog& log = bank_.state().audit;
                audit_check_ = AuditCheck{log.entries().size(), log.first_invalid()};
                return FlowResult::Ok;
            },
            [&](const cmd::OpenUserMaintenance&) -> FlowResult {
                if (!login_->logged_in()) return FlowResult::WrongStep;
                end_renewal();
                maintenance_.emplace(bank_, *login_);
                user_actions_open_ = false;
                certificate_action_ = UserCertificateAction::Continue;
                visible_users_ = kUsersPerPage;
                // The grid opens with the first user selected, as in the seed's picture.
                if (!bank_.state().users.empty()) return maintenance_->select_user(bank_.state().users.front().id);
                return FlowResult::Ok;
            },
            [&](const cmd::SelectUser& c) -> FlowResult {
                if (!maintenance_) return FlowResult::WrongStep;
                const auto step = maintenance_->step();
                if (step != UserCertificateMaintenance::Step::SelectUser &&
                    step != UserCertificateMaintenance::Step::ChangeOrDelete)
                    return FlowResult::WrongStep;
                if (bank_.find_user(c.user_id) == nullptr) return BankResult::UnknownUser;
                // Choosing another row starts the selection again (the procedure picks once).
                if (step == UserCertificateMaintenance::Step::ChangeOrDelete) maintenance_.emplace(bank_, *login_);
                return maintenance_->select_user(c.user_id);
            },
            [&](const cmd::ShowMoreUsers&) -> FlowResult {
                visible_users_ = std::min(visible_users_ + kUsersPerPage, bank_.state().users.size());
                return FlowResult::Ok;
            },
            [&](const cmd::ToggleUserActions&) -> FlowResult {
                user_actions_open_ = !user_actions_open_;
                return FlowResult::Ok;
            },
            [&](const cmd::ChooseChange&) -> FlowResult {
                if (!maintenance_) return FlowResult::WrongStep;
                certificate_action_ = UserCertificateAction::Continue;
                revoke_reason_ = RevokeReason::None;
                return maintenance_->choose_change();
            },
            [&](const cmd::SetCertificateAction& c) -> FlowResult {
                certificate_action_ = c.action;
                return FlowResult::Ok;
            },
            [&](const cmd::SetRevokeReason& c) -> FlowResult {
                if (!maintenance_ || maintenance_->step() != UserCertificateMaintenance::Step::EditCertificate)
                    return FlowResult::WrongStep;
                revoke_reason_ = c.reason;
                return FlowResult::Ok;
            },
            [&](const cmd::SubmitCertificateAction& c) -> FlowResult {
                if (!maintenance_) return FlowResult::WrongStep;
                set_field_error(Field::ConfirmationPin, validate_contract_pin(c.confirmation_pin.reveal()));
                if (certificate_action_ == UserCertificateAction::Revoke && revoke_reason_ == RevokeReason::None)
                    set_field_error(Field::RevokeReason, InputError::Empty);
                if (has_field_errors()) return BankResult::InvalidInput;
                const char* reason = certificate_action_ == UserCertificateAction::Revoke ? revoke_reason_name(revoke_reason_) : "";
                const FlowResult r = maintenance_->apply(certificate_action_, c.confirmation_pin.reveal(), reason);
                view_.confirmation_pin.wipe();
                if (r == BankResult::WrongConfirmationPin) tries_left_ = bank_.confirmation_pin_tries_left();
                return r;
            },
            [&](const cmd::ReturnToMenu&) -> FlowResult {
                if (!login_->logged_in()) return FlowResult::WrongStep;
                maintenance_.reset();
                end_renewal();
                view_.confirmation_pin.wipe();
                return FlowResult::Ok;
            },
        },
        command);
}

FlowResult AdminFlow::apply(const RenewalCommand& command) {
    const FlowResult r = apply_renewal(command, login_->logged_in(), bank_.in_admin_renewal_window(),
                                       [this] { return std::make_unique<AdminRenewal>(bank_, *login_, store_, pc_); });
    if (std::holds_alternative<cmd::OpenRenewal>(command) && r == FlowResult::Ok) maintenance_.reset();
    return r;
}

}  // namespace cp
