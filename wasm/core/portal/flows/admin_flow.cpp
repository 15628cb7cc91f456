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
    view_.highlighted_certificate = first_certificate();
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

BankResult AdminFlow::failure() const {
    if (login_->step() == AdminLogin::Step::Failed) return login_->failure();
    if (maintenance_ && maintenance_->step() == UserCertificateMaintenance::Step::Failed) return maintenance_->failure();
    if (renewal_ && renewal_->renewal().step() == CertificateRenewal::Step::Failed) return renewal_->renewal().failure();
    return BankResult::Ok;
}

SimTime AdminFlow::pickup_deadline() const {
    const User* u = maintenance_ ? maintenance_->selected() : nullptr;
    return u != nullptr && u->certificate.status == CertStatus::PendingPickup ? u->certificate.pickup_deadline : 0;
}

BankResult AdminFlow::apply(const AdminCommand& command) {
    const BankResult r = apply_one(command);
    // A choice on a form the next submit reads (the revoke reason, the notices' checkbox) leaves
    // the last submit's outcome on screen, as ticking a box on a paper form would.
    if (!std::holds_alternative<cmd::SetRevokeReason>(command) && !std::holds_alternative<cmd::SetHideNotices>(command))
        last_result_ = r;
    return r;
}

BankResult AdminFlow::apply_one(const AdminCommand& command) {
    return std::visit(
        overloaded{
            [&](const cmd::ChooseCertificate& c) { return choose_certificate(*login_, c.serial); },
            [&](const cmd::ShowCertificateProperties& c) {
                properties_serial_ = c.serial;
                return BankResult::Ok;
            },
            [&](const cmd::GrantKeyAccess& c) {
                clear_errors();
                return grant_key_access(*login_, c.password, view_.key_password, error_slot(Field::KeyPassword));
            },
            [&](const cmd::DenyKeyAccess&) {
                clear_errors();
                return deny_key_access(*login_, view_.key_password);
            },
            [&](const cmd::SubmitContractPin& c) {
                clear_errors();
                // What the form refuses never reaches the bank and costs no try (docs/domain.md).
                set_field_error(Field::ContractPin, validate_contract_pin(c.pin.reveal()));
                if (has_field_errors()) {
                    view_.contract_pin.wipe();
                    return BankResult::InvalidInput;
                }
                const BankResult r = login_->enter_contract_pin(c.pin.reveal());
                view_.contract_pin.wipe();
                if (r == BankResult::WrongContractPin) tries_left_ = bank_.contract_pin_tries_left();
                return r;
            },
            [&](const cmd::ClearContractPin&) {
                clear_errors();
                view_.contract_pin.wipe();
                return BankResult::Ok;
            },
            [&](const cmd::SubmitCardAnswers& c) {
                clear_errors();
                set_field_error(Field::CardFirst, validate_card_answer(c.first.reveal()));
                set_field_error(Field::CardSecond, validate_card_answer(c.second.reveal()));
                if (has_field_errors()) return BankResult::InvalidInput;
                const BankResult r = login_->answer_card(c.first.reveal(), c.second.reveal());
                view_.card_first.wipe();
                view_.card_second.wipe();
                if (r == BankResult::WrongCardAnswer) tries_left_ = bank_.card_tries_left();
                return r;
            },
            [&](const cmd::SetHideNotices& c) {
                if (login_->step() != AdminLogin::Step::Notices) return BankResult::WrongStep;
                hide_notices_ = c.hide;
                return BankResult::Ok;
            },
            [&](const cmd::AcknowledgeNotices&) {
                clear_errors();
                return login_->acknowledge_notices(hide_notices_);
            },
            [&](const cmd::SelectMenuTab& c) {
                if (!login_->logged_in()) return BankResult::WrongStep;
                tab_ = c.tab;
                maintenance_.reset();
                end_renewal();
                return BankResult::Ok;
            },
            [&](const cmd::ToggleMenuSection& c) {
                if (!login_->logged_in()) return BankResult::WrongStep;
                bool& open = c.section == MenuSection::Status ? status_open_ : audit_open_;
                open = !open;
                return BankResult::Ok;
            },
            [&](const cmd::VerifyAuditLog&) {
                if (!login_->logged_in()) return BankResult::WrongStep;
                const AuditLog& log = bank_.state().audit;
                audit_check_ = AuditCheck{log.entries().size(), log.first_invalid()};
                return BankResult::Ok;
            },
            [&](const cmd::OpenUserMaintenance&) {
                if (!login_->logged_in()) return BankResult::WrongStep;
                clear_errors();
                end_renewal();
                maintenance_.emplace(bank_, *login_);
                user_actions_open_ = false;
                certificate_action_ = UserCertificateAction::Continue;
                visible_users_ = kUsersPerPage;
                // The grid opens with the first user selected, as in the seed's picture.
                if (!bank_.state().users.empty()) return maintenance_->select_user(bank_.state().users.front().id);
                return BankResult::Ok;
            },
            [&](const cmd::SelectUser& c) {
                if (!maintenance_) return BankResult::WrongStep;
                clear_errors();
                const auto step = maintenance_->step();
                if (step != UserCertificateMaintenance::Step::SelectUser &&
                    step != UserCertificateMaintenance::Step::ChangeOrDelete)
                    return BankResult::WrongStep;
                if (bank_.find_user(c.user_id) == nullptr) return BankResult::UnknownUser;
                // Choosing another row starts the selection again (the procedure picks once).
                if (step == UserCertificateMaintenance::Step::ChangeOrDelete) maintenance_.emplace(bank_, *login_);
                return maintenance_->select_user(c.user_id);
            },
            [&](const cmd::ShowMoreUsers&) {
                visible_users_ = std::min(visible_users_ + kUsersPerPage, bank_.state().users.size());
                return BankResult::Ok;
            },
            [&](const cmd::ToggleUserActions&) {
                user_actions_open_ = !user_actions_open_;
                return BankResult::Ok;
            },
            [&](const cmd::ChooseChange&) {
                if (!maintenance_) return BankResult::WrongStep;
                clear_errors();
                certificate_action_ = UserCertificateAction::Continue;
                revoke_reason_ = RevokeReason::None;
                return maintenance_->choose_change();
            },
            [&](const cmd::SetCertificateAction& c) {
                certificate_action_ = c.action;
                return BankResult::Ok;
            },
            [&](const cmd::SetRevokeReason& c) {
                if (!maintenance_ || maintenance_->step() != UserCertificateMaintenance::Step::EditCertificate)
                    return BankResult::WrongStep;
                revoke_reason_ = c.reason;
                return BankResult::Ok;
            },
            [&](const cmd::SubmitCertificateAction& c) {
                if (!maintenance_) return BankResult::WrongStep;
                clear_errors();
                set_field_error(Field::ConfirmationPin, validate_contract_pin(c.confirmation_pin.reveal()));
                if (certificate_action_ == UserCertificateAction::Revoke && revoke_reason_ == RevokeReason::None)
                    set_field_error(Field::RevokeReason, InputError::Empty);
                if (has_field_errors()) return BankResult::InvalidInput;
                const char* reason = certificate_action_ == UserCertificateAction::Revoke ? revoke_reason_name(revoke_reason_) : "";
                const BankResult r = maintenance_->apply(certificate_action_, c.confirmation_pin.reveal(), reason);
                view_.confirmation_pin.wipe();
                if (r == BankResult::WrongConfirmationPin) tries_left_ = bank_.confirmation_pin_tries_left();
                return r;
            },
            [&](const cmd::ReturnToMenu&) {
                if (!login_->logged_in()) return BankResult::WrongStep;
                clear_errors();
                maintenance_.reset();
                end_renewal();
                view_.confirmation_pin.wipe();
                return BankResult::Ok;
            },
        },
        command);
}

BankResult AdminFlow::apply(const RenewalCommand& command) {
    const BankResult r = apply_renewal(command, login_->logged_in(), bank_.in_admin_renewal_window(),
                                       [this] { return std::make_unique<AdminRenewal>(bank_, *login_, store_, pc_); });
    if (std::holds_alternative<cmd::OpenRenewal>(command) && r == BankResult::Ok) maintenance_.reset();
    return r;
}

}  // namespace cp
