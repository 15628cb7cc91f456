#include "portal/flows/user_flow.h"

#include <algorithm>

#include "portal/flows/key_access_answer.h"

namespace cp {

void UserFlow::View::wipe_secrets() {
    user_pin.wipe();
    one_time_password.wipe();
    key_password.wipe();
    login_pin.wipe();
}

UserFlow::UserFlow(Mode mode, Bank& bank, PcServices pc, PcCertificateStore& store, AcquisitionPath path)
    : HolderFlow(bank, pc, store), mode_(mode), path_(path) {
    if (mode == Mode::Pickup) {
        pickup_ = std::make_unique<UserPickup>(bank, store, pc, path);
    } else {
        login_ = std::make_unique<UserLogin>(bank, pc);
        view_.highlighted_certificate = first_certificate(login_.get());
    }
}

UserFlow::~UserFlow() {
    // Leaving the page (or the PC) while the app works is closing it mid-way: the pickup is used
    // up as the seed says, and the bank records why.
    if (pickup_ && (pickup_->step() == UserPickup::Step::WaitingForKey || pickup_->step() == UserPickup::Step::Acquiring))
        (void)pickup_->close_app();
    renewal_.reset();  // a renewal not finished is cancelled: old or new, never half
    view_.wipe_secrets();
}

UserFlow::Screen UserFlow::screen() const {
    if (pickup_) {
        const bool app = path_ == AcquisitionPath::AcquisitionApp;
        switch (pickup_->step()) {
            case UserPickup::Step::EnterIds: return Screen::PickupIds;
            case UserPickup::Step::OneTimePassword: return Screen::PickupOneTimePassword;
            case UserPickup::Step::StartApp:
            case UserPickup::Step::AppReady:
            case UserPickup::Step::Acquiring: return Screen::PickupCaPage;
            case UserPickup::Step::WaitingForKey: return app ? Screen::PickupCaPage : Screen::PickupIssuing;
            case UserPickup::Step::ConfirmWebAccess: return Screen::PickupWebAccess;
            case UserPickup::Step::Installed:
                // Until the PC has saved it, the installation is still under way; the app's window
                // then shows 取得完了 until the person closes it. Not saved: the pickup failed.
                if (save_ == Save::Failed) return Screen::Failed;
                if (save_ != Save::Done) return app ? Screen::PickupCaPage : Screen::PickupIssuing;
                return app && !app_dismissed_ ? Screen::PickupCaPage : Screen::PickupDone;
            case UserPickup::Step::Failed: return Screen::Failed;
        }
        return Screen::Failed;
    }
    switch (login_->step()) {
        case UserLogin::Step::ChooseCertificate: return Screen::LoginChooseCertificate;
        case UserLogin::Step::KeyAccess: return Screen::LoginKeyAccess;
        case UserLogin::Step::UnlockingKey: return Screen::LoginUnlockingKey;
        case UserLogin::Step::Pin: return Screen::LoginPin;
        case UserLogin::Step::Menu: return renewal_ ? Screen::Renewal : Screen::LoginLanding;
        case UserLogin::Step::Failed: return Screen::Failed;
    }
    return Screen::Failed;
}

bool UserFlow::dialog_open() const { return dialog_of(screen_row(kUserScreens, screen()).kind); }

UserFlow::AppWindow UserFlow::app_window() const {
    if (!pickup_ || path_ != AcquisitionPath::AcquisitionApp) return AppWindow::Closed;
    switch (pickup_->step()) {
        case UserPickup::Step::EnterIds:
        case UserPickup::Step::OneTimePassword:
        case UserPickup::Step::StartApp:
        case UserPickup::Step::ConfirmWebAccess:
        case UserPickup::Step::Failed: return AppWindow::Closed;
        case UserPickup::Step::AppReady: return AppWindow::Ready;
        case UserPickup::Step::WaitingForKey:
        case UserPickup::Step::Acquiring: return AppWindow::Working;
        case UserPickup::Step::Installed:
            if (save_ == Save::Failed) return AppWindow::Closed;
            if (save_ != Save::Done) return AppWindow::Working;
            return app_dismissed_ ? AppWindow::Closed : AppWindow::Done;
    }
    return AppWindow::Closed;
}

UserFlow::Progress UserFlow::progress() const {
    if (!pickup_) return Progress::KeyPair;
    switch (pickup_->step()) {
        case UserPickup::Step::Acquiring: return Progress::Installing;
        case UserPickup::Step::Installed: return save_ == Save::Done ? Progress::Done : Progress::Installing;
        case UserPickup::Step::WaitingForKey: break;
        case UserPickup::Step::EnterIds:
        case UserPickup::Step::OneTimePassword:
        case UserPickup::Step::StartApp:
        case UserPickup::Step::AppReady:
        case UserPickup::Step::ConfirmWebAccess:
        case UserPickup::Step::Failed: return Progress::KeyPair;
    }
    switch (pickup_->enrollment_stage()) {
        case EnrollmentStage::MakingKey: return Progress::KeyPair;
        case EnrollmentStage::CreatingRequest: return Progress::Request;
        case EnrollmentStage::ProtectingKey: return Progress::Protection;
        case EnrollmentStage::Issuing: return Progress::Issuing;
        case EnrollmentStage::Finished:
        case EnrollmentStage::Count_: break;
    }
    return Progress::Installing;
}

bool UserFlow::poll() {
    if (!pickup_) return false;
    bool changed = false;
    // The app receives what the CA issued and installs it (key and certificate together).
    if (pickup_->step() == UserPickup::Step::Acquiring) {
        (void)pickup_->finish();  // the step says how it went
        changed = true;
    }
    if (pickup_->step() == UserPickup::Step::Installed && save_ == Save::None) {
        save_ = Save::Due;
        changed = true;
    }
    return changed;
}

const InstalledCertificate* UserFlow::certificate_to_save() const {
    if (save_ != Save::Due || !pickup_) return nullptr;
    return store_.find(pickup_->installed_serial());
}

void UserFlow::certificate_saved(FlowResult result) {
    save_ = result == FlowResult::Ok ? Save::Done : Save::Failed;
    save_failure_ = result;
}

FlowResult UserFlow::failure() const {
    if (save_ == Save::Failed) return save_failure_;
    if (pickup_ && pickup_->step() == UserPickup::Step::Failed) return pickup_->failure();
    if (login_ && login_->step() == UserLogin::Step::Failed) return login_->failure();
    return FlowResult::Ok;
}

const User* UserFlow::user() const {
    const std::string& id = pickup_ ? pickup_->user_id() : login_->user_id();
    return id.empty() ? nullptr : bank_.find_user(id);
}

SimTime UserFlow::pickup_deadline() const {
    const User* u = user();
    return u != nullptr ? pending_pickup_deadline(u->certificate) : 0;
}

bool UserFlow::renewal_offered() const {
    return login_ && login_->logged_in() && bank_.in_renewal_window(Holder::user(login_->user_id()));
}

FlowResult UserFlow::apply(const RenewalCommand& command) {
    return apply_renewal(command, login_ && login_->logged_in(), renewal_offered(),
                         [this] { return std::make_unique<UserRenewal>(bank_, *login_, store_, pc_); });
}

FlowResult UserFlow::apply(const UserCommand& command) {
    const bool view = std::holds_alternative<cmd::user::ShowCertificateProperties>(command);
    return outcome_of(view ? FormEffect::View : FormEffect::Submit, [&] { return apply_one(command); });
}

FlowResult UserFlow::apply_one(const UserCommand& command) {
    namespace u = cmd::user;
    const auto need_pickup = [&] { return pickup_ != nullptr; };
    const auto need_login = [&] { return login_ != nullptr; };
    return std::visit(
        overloaded{
            [&](const u::SubmitIds& c) -> FlowResult {
                if (!need_pickup()) return FlowResult::WrongStep;
                set_field_error(Field::ContractId, validate_contract_id(c.contract_id));
                set_field_error(Field::UserId, validate_user_id(c.user_id));
                set_field_error(Field::UserPin, validate_user_pin(c.pin.reveal()));
                if (has_field_errors()) {
                    view_.user_pin.wipe();
                    return BankResult::InvalidInput;
                }
                const FlowResult r = pickup_->enter_ids(c.contract_id, c.user_id, c.pin.reveal());
                view_.user_pin.wipe();
                if (r == BankResult::WrongUserPin) tries_left_ = bank_.user_pin_tries_left(c.user_id);
                return r;
            },
            [&](const u::SubmitOneTimePassword& c) -> FlowResult {
                if (!need_pickup()) return FlowResult::WrongStep;
                set_field_error(Field::OneTimePassword, validate_one_time_password(c.code.reveal()));
                if (has_field_errors()) return BankResult::InvalidInput;
                const FlowResult r = pickup_->enter_one_time_password(c.code.reveal());
                view_.one_time_password.wipe();
                if (r == BankResult::WrongOneTimePassword) tries_left_ = bank_.user_pin_tries_left(pickup_->user_id());
                return r;
            },
            [&](const u::Download&) -> FlowResult {
                if (!pickup_step(UserPickup::Step::StartApp) && !pickup_step(UserPickup::Step::AppReady))
                    return FlowResult::WrongStep;
                downloaded_ = true;
                return FlowResult::Ok;
            },
            [&](const u::OpenDownload&) -> FlowResult {
                if (!downloaded_ || !need_pickup()) return FlowResult::WrongStep;
                return pickup_->start_app();
            },
            [&](const u::Acquire&) -> FlowResult {
                if (!need_pickup()) return FlowResult::WrongStep;
                return pickup_->acquire();
            },
            [&](const u::CloseApp&) -> FlowResult {
                if (!need_pickup()) return FlowResult::WrongStep;
                if (app_window() == AppWindow::Done) {  // 閉じる after 取得完了
                    app_dismissed_ = true;
                    return FlowResult::Ok;
                }
                // Closing the app before the installation is saved loses it: the core revokes what
                // was issued. Once installed in memory the close waits for the save (nothing to do).
                if (pickup_->step() == UserPickup::Step::Installed) return FlowResult::WrongStep;
                return pickup_->close_app();
            },
            [&](const u::AnswerWebAccess& c) -> FlowResult {
                if (!need_pickup()) return FlowResult::WrongStep;
                return pickup_->confirm_web_access(c.yes);
            },
            [&](const u::ChooseCertificate& c) -> FlowResult {
                if (!need_login()) return FlowResult::WrongStep;
                const FlowResult r = choose_certificate(*login_, c.serial);
                if (store_.find(c.serial) != nullptr) login_serial_ = c.serial;
                return r;
            },
            [&](const u::ShowCertificateProperties& c) -> FlowResult {
                properties_serial_ = c.serial;
                return FlowResult::Ok;
            },
            [&](const u::GrantKeyAccess& c) -> FlowResult {
                if (!need_login()) return FlowResult::WrongStep;
                return grant_key_access(*login_, c.password, view_.key_password, error_slot(Field::KeyPassword));
            },
            [&](const u::DenyKeyAccess&) -> FlowResult {
                if (!need_login()) return FlowResult::WrongStep;
                return deny_key_access(*login_, view_.key_password);
            },
            [&](const u::SubmitPin& c) -> FlowResult {
                if (!need_login()) return FlowResult::WrongStep;
                // As at 管理者ログオン: what the form refuses never reaches the bank (docs/domain.md).
                set_field_error(Field::LoginPin, validate_user_pin(c.pin.reveal()));
                if (has_field_errors()) {
                    view_.login_pin.wipe();
                    return BankResult::InvalidInput;
                }
                const User* before = user();
                const SimTime previous = before != nullptr ? before->last_login : 0;
                const FlowResult r = login_->enter_pin(c.pin.reveal());
                view_.login_pin.wipe();
                if (r == BankResult::WrongUserPin) tries_left_ = bank_.user_pin_tries_left(login_->user_id());
                if (login_->step() == UserLogin::Step::Menu) previous_logon_ = previous;
                return r;
            },
        },
        command);
}

}  // namespace cp
