#include "portal/flows/admin_flow.h"

#include <algorithm>

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

const char* admin_screen_name(AdminFlow::Screen screen) {
    switch (screen) {
        case AdminFlow::Screen::ChooseCertificate: return "ChooseCertificate";
        case AdminFlow::Screen::KeyAccess: return "KeyAccess";
        case AdminFlow::Screen::UnlockingKey: return "UnlockingKey";
        case AdminFlow::Screen::ContractPin: return "ContractPin";
        case AdminFlow::Screen::CardChallenge: return "CardChallenge";
        case AdminFlow::Screen::Notices: return "Notices";
        case AdminFlow::Screen::Menu: return "Menu";
        case AdminFlow::Screen::UserGrid: return "UserGrid";
        case AdminFlow::Screen::UserEdit: return "UserEdit";
        case AdminFlow::Screen::UserDone: return "UserDone";
        case AdminFlow::Screen::Failed: return "Failed";
        case AdminFlow::Screen::RenewalStart: return "RenewalStart";
        case AdminFlow::Screen::RenewalWebAccess: return "RenewalWebAccess";
        case AdminFlow::Screen::RenewalProtection: return "RenewalProtection";
        case AdminFlow::Screen::RenewalProtectionSettings: return "RenewalProtectionSettings";
        case AdminFlow::Screen::RenewalIssuing: return "RenewalIssuing";
        case AdminFlow::Screen::RenewalInstall: return "RenewalInstall";
        case AdminFlow::Screen::RenewalDone: return "RenewalDone";
        case AdminFlow::Screen::RenewalFailed: return "RenewalFailed";
    }
    return "?";
}

void AdminFlow::Form::wipe_secrets() {
    contract_pin.wipe();
    card_first.wipe();
    card_second.wipe();
    key_password.wipe();
    confirmation_pin.wipe();
    new_key_password.wipe();
    new_key_password_again.wipe();
}

AdminFlow::AdminFlow(Bank& bank, PcServices pc, PcCertificateStore& store)
    : bank_(bank),
      pc_(pc),
      store_(store),
      login_(std::make_unique<AdminLogin>(bank, pc)),
      previous_logon_(bank.state().contract.last_admin_login) {
    // The chooser opens with the first certificate highlighted, as Windows' does.
    if (!store_.certificates.empty()) form_.highlighted_certificate = store_.certificates.front().serial;
}

AdminFlow::~AdminFlow() {
    end_renewal();
    form_.wipe_secrets();
}

bool AdminFlow::renewal_offered() const { return login_->logged_in() && bank_.in_admin_renewal_window(); }

void AdminFlow::end_renewal() {
    // The window closed mid-way: the procedure's cancel() keeps the old certificate in use (what
    // was issued and not installed is reported to the bank and revoked).
    if (renewal_ && renewal_->step() != AdminRenewal::Step::Done && renewal_->step() != AdminRenewal::Step::Failed)
        (void)renewal_->cancel();
    renewal_.reset();
    protection_settings_open_ = false;
    renewal_protection_ = KeyProtection::Medium;
    renewal_password_.wipe();
    form_.new_key_password.wipe();
    form_.new_key_password_again.wipe();
}

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
    if (renewal_) {
        switch (renewal_->step()) {
            case AdminRenewal::Step::Start: return Screen::RenewalStart;
            case AdminRenewal::Step::ConfirmWebAccess: return Screen::RenewalWebAccess;
            case AdminRenewal::Step::ProtectionLevel:
                return protection_settings_open_ ? Screen::RenewalProtectionSettings : Screen::RenewalProtection;
            case AdminRenewal::Step::WaitingForKey: return Screen::RenewalIssuing;
            case AdminRenewal::Step::ConfirmInstall: return Screen::RenewalInstall;
            case AdminRenewal::Step::Done: return Screen::RenewalDone;
            case AdminRenewal::Step::Failed: return Screen::RenewalFailed;
        }
    }
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

BankResult AdminFlow::failure() const {
    if (login_->step() == AdminLogin::Step::Failed) return login_->failure();
    if (maintenance_ && maintenance_->step() == UserCertificateMaintenance::Step::Failed) return maintenance_->failure();
    if (renewal_ && renewal_->step() == AdminRenewal::Step::Failed) return renewal_->failure();
    return BankResult::Ok;
}

bool AdminFlow::has_field_errors() const {
    return std::any_of(field_errors_.begin(), field_errors_.end(), [](InputError e) { return e != InputError::None; });
}

void AdminFlow::clear_errors() {
    field_errors_.fill(InputError::None);
    last_result_ = BankResult::Ok;
    tries_left_ = 0;
}

SimTime AdminFlow::pickup_deadline() const {
    const User* u = maintenance_ ? maintenance_->selected() : nullptr;
    return u != nullptr && u->certificate.status == CertStatus::PendingPickup ? u->certificate.pickup_deadline : 0;
}

BankResult AdminFlow::apply(const AdminCommand& command) {
    last_result_ = apply_one(command);
    return last_result_;
}

BankResult AdminFlow::apply_one(const AdminCommand& command) {
    return std::visit(
        overloaded{
            [&](const cmd::ChooseCertificate& c) {
                clear_errors();
                const InstalledCertificate* chosen = store_.find(c.serial);
                if (chosen == nullptr) return BankResult::NoSuchInstalledCertificate;
                properties_serial_.clear();
                return login_->choose_certificate(*chosen);
            },
            [&](const cmd::ShowCertificateProperties& c) {
                properties_serial_ = c.serial;
                return BankResult::Ok;
            },
            [&](const cmd::GrantKeyAccess&) {
                clear_errors();
                if (login_->key_access_needs_password() && form_.key_password.empty()) {
                    set_field_error(Field::KeyPassword, InputError::Empty);
                    return BankResult::InvalidInput;
                }
                const BankResult r = login_->grant_key_access(form_.key_password.view());
                form_.key_password.wipe();
                return r;
            },
            [&](const cmd::DenyKeyAccess&) {
                clear_errors();
                form_.key_password.wipe();
                return login_->deny_key_access();
            },
            [&](const cmd::SubmitContractPin&) {
                clear_errors();
                // Only emptiness is checked here: a malformed PIN counts as a wrong one at the bank,
                // so the login does not teach the format rules to a guesser.
                if (form_.contract_pin.empty()) {
                    set_field_error(Field::ContractPin, InputError::Empty);
                    return BankResult::InvalidInput;
                }
                const BankResult r = login_->enter_contract_pin(form_.contract_pin.view());
                form_.contract_pin.wipe();
                if (r == BankResult::WrongContractPin) tries_left_ = bank_.contract_pin_tries_left();
                return r;
            },
            [&](const cmd::ClearContractPin&) {
                clear_errors();
                form_.contract_pin.wipe();
                return BankResult::Ok;
            },
            [&](const cmd::SubmitCardAnswers&) {
                clear_errors();
                set_field_error(Field::CardFirst, validate_card_answer(form_.card_first.view()));
                set_field_error(Field::CardSecond, validate_card_answer(form_.card_second.view()));
                if (has_field_errors()) return BankResult::InvalidInput;
                const BankResult r = login_->answer_card(form_.card_first.view(), form_.card_second.view());
                form_.card_first.wipe();
                form_.card_second.wipe();
                if (r == BankResult::WrongCardAnswer) tries_left_ = bank_.card_tries_left();
                return r;
            },
            [&](const cmd::AcknowledgeNotices&) {
                clear_errors();
                return login_->acknowledge_notices(form_.hide_notices);
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
                audit_verified_ = bank_.state().audit.verify();
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
                form_.revoke_reason = RevokeReason::None;
                return maintenance_->choose_change();
            },
            [&](const cmd::SetCertificateAction& c) {
                certificate_action_ = c.action;
                return BankResult::Ok;
            },
            [&](const cmd::SubmitCertificateAction&) {
                if (!maintenance_) return BankResult::WrongStep;
                clear_errors();
                if (form_.confirmation_pin.empty()) set_field_error(Field::ConfirmationPin, InputError::Empty);
                if (certificate_action_ == UserCertificateAction::Revoke && form_.revoke_reason == RevokeReason::None)
                    set_field_error(Field::RevokeReason, InputError::Empty);
                if (has_field_errors()) return BankResult::InvalidInput;
                const char* reason = certificate_action_ == UserCertificateAction::Revoke ? revoke_reason_name(form_.revoke_reason) : "";
                const BankResult r = maintenance_->apply(certificate_action_, form_.confirmation_pin.view(), reason);
                form_.confirmation_pin.wipe();
                if (r == BankResult::WrongConfirmationPin) tries_left_ = bank_.confirmation_pin_tries_left();
                return r;
            },
            [&](const cmd::ReturnToMenu&) {
                if (!login_->logged_in()) return BankResult::WrongStep;
                clear_errors();
                maintenance_.reset();
                end_renewal();
                form_.confirmation_pin.wipe();
                return BankResult::Ok;
            },
            [&](const auto&) { return apply_renewal(command); },
        },
        command);
}

// 証明書更新: the renewal's commands (the procedure checks the order of the steps).
BankResult AdminFlow::apply_renewal(const AdminCommand& command) {
    if (!login_->logged_in()) return BankResult::WrongStep;
    if (!std::holds_alternative<cmd::OpenRenewal>(command) && !renewal_) return BankResult::WrongStep;
    clear_errors();
    return std::visit(
        overloaded{
            [&](const cmd::OpenRenewal&) {
                if (!bank_.in_admin_renewal_window()) return BankResult::NotInRenewalWindow;
                maintenance_.reset();
                end_renewal();
                renewal_ = std::make_unique<AdminRenewal>(bank_, *login_, store_, pc_);
                return BankResult::Ok;
            },
            [&](const cmd::StartRenewal&) { return renewal_->start(); },
            [&](const cmd::AnswerWebAccess& c) {
                if (renewal_->step() == AdminRenewal::Step::ConfirmInstall) return renewal_->confirm_install(c.yes);
                return renewal_->confirm_web_access(c.yes);
            },
            [&](const cmd::OpenProtectionSettings&) {
                if (renewal_->step() != AdminRenewal::Step::ProtectionLevel) return BankResult::WrongStep;
                protection_settings_open_ = true;
                form_.protection_choice = renewal_protection_;
                return BankResult::Ok;
            },
            [&](const cmd::SetProtectionChoice& c) {
                if (!protection_settings_open_) return BankResult::WrongStep;
                form_.protection_choice = c.level;
                return BankResult::Ok;
            },
            [&](const cmd::CloseProtectionSettings& c) {
                if (!protection_settings_open_) return BankResult::WrongStep;
                if (c.accept && form_.protection_choice == KeyProtection::High) {
                    // 高: the password every later use of the key asks, typed twice.
                    if (form_.new_key_password.empty()) set_field_error(Field::NewKeyPassword, InputError::Empty);
                    if (form_.new_key_password_again.empty()) set_field_error(Field::NewKeyPasswordAgain, InputError::Empty);
                    else if (form_.new_key_password.view() != form_.new_key_password_again.view())
                        set_field_error(Field::NewKeyPasswordAgain, InputError::Mismatch);
                    if (has_field_errors()) {
                        form_.new_key_password_again.wipe();
                        return BankResult::InvalidInput;
                    }
                    renewal_password_.assign(form_.new_key_password.view());
                }
                if (c.accept) {
                    renewal_protection_ = form_.protection_choice;
                    if (renewal_protection_ != KeyProtection::High) renewal_password_.wipe();
                }
                form_.new_key_password.wipe();
                form_.new_key_password_again.wipe();
                protection_settings_open_ = false;
                return BankResult::Ok;
            },
            [&](const cmd::AnswerProtection& c) {
                if (renewal_->step() != AdminRenewal::Step::ProtectionLevel || protection_settings_open_)
                    return BankResult::WrongStep;
                if (!c.ok) return renewal_->cancel();  // nothing issued: the old certificate stays
                const BankResult r = renewal_->choose_protection(renewal_protection_, std::string(renewal_password_.view()));
                renewal_password_.wipe();
                return r;
            },
            [&](const auto&) { return BankResult::WrongStep; },
        },
        command);
}

}  // namespace cp
