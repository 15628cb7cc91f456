#include "portal/flows/renewal_flow.h"

#include <string>
#include <utility>

namespace cp {

RenewalFlow::RenewalFlow(std::unique_ptr<CertificateRenewal> renewal) : renewal_(std::move(renewal)) {}

RenewalFlow::~RenewalFlow() {
    // The window closed mid-way: cancel() keeps the old certificate in use (what was issued and
    // not installed is reported to the bank and revoked).
    if (renewal_->step() != CertificateRenewal::Step::Done && renewal_->step() != CertificateRenewal::Step::Failed)
        (void)renewal_->cancel();
    password_.wipe();
}

RenewalFlow::Screen RenewalFlow::screen() const {
    switch (renewal_->step()) {
        case CertificateRenewal::Step::Start: return Screen::Start;
        case CertificateRenewal::Step::ConfirmWebAccess: return Screen::WebAccess;
        case CertificateRenewal::Step::ProtectionLevel: return settings_open_ ? Screen::ProtectionSettings : Screen::Protection;
        case CertificateRenewal::Step::WaitingForKey: return Screen::Issuing;
        case CertificateRenewal::Step::ConfirmInstall: return Screen::Install;
        case CertificateRenewal::Step::Done: return Screen::Done;
        case CertificateRenewal::Step::Failed: return Screen::Failed;
    }
    return Screen::Failed;
}

bool RenewalFlow::dialog_open() const { return screen_row(kRenewalScreens, screen()).kind == ScreenKind::Dialog; }

FlowResult RenewalFlow::close_settings(const cmd::CloseProtectionSettings& c) {
    if (!settings_open_) return FlowResult::WrongStep;
    field_errors_.fill(InputError::None);
    if (c.accept && protection_choice_ == KeyProtection::High) {
        // 高: the password every later use of the key asks, typed twice.
        if (c.password.empty()) set_field_error(Field::NewKeyPassword, InputError::Empty);
        if (c.again.empty()) set_field_error(Field::NewKeyPasswordAgain, InputError::Empty);
        else if (c.password.reveal() != c.again.reveal())
            set_field_error(Field::NewKeyPasswordAgain, InputError::Mismatch);
        if (field_error(Field::NewKeyPassword) != InputError::None || field_error(Field::NewKeyPasswordAgain) != InputError::None) {
            view_.new_key_password_again.wipe();
            return BankResult::InvalidInput;
        }
        password_.assign(c.password.reveal());
    }
    if (c.accept) {
        protection_ = protection_choice_;
        if (protection_ != KeyProtection::High) password_.wipe();
    }
    view_.new_key_password.wipe();
    view_.new_key_password_again.wipe();
    settings_open_ = false;
    return FlowResult::Ok;
}

FlowResult RenewalFlow::apply(const RenewalCommand& command) {
    const auto step = renewal_->step();
    return std::visit(
        overloaded{
            [&](const cmd::StartRenewal&) -> FlowResult { return renewal_->start(); },
            [&](const cmd::AnswerWebAccess& c) -> FlowResult {
                if (step == CertificateRenewal::Step::ConfirmInstall) return renewal_->confirm_install(c.yes);
                return renewal_->confirm_web_access(c.yes);
            },
            [&](const cmd::OpenProtectionSettings&) -> FlowResult {
                if (step != CertificateRenewal::Step::ProtectionLevel) return FlowResult::WrongStep;
                settings_open_ = true;
                protection_choice_ = protection_;
                return FlowResult::Ok;
            },
            [&](const cmd::SetProtectionChoice& c) -> FlowResult {
                if (!settings_open_) return FlowResult::WrongStep;
                protection_choice_ = c.level;
                return FlowResult::Ok;
            },
            [&](const cmd::CloseProtectionSettings& c) -> FlowResult { return close_settings(c); },
            [&](const cmd::AnswerProtection& c) -> FlowResult {
                if (step != CertificateRenewal::Step::ProtectionLevel || settings_open_) return FlowResult::WrongStep;
                if (!c.ok) return renewal_->cancel();  // nothing issued: the old certificate stays
                const FlowResult r = renewal_->choose_protection(protection_, std::string(password_.view()));
                password_.wipe();
                return r;
            },
            [&](const cmd::OpenRenewal&) -> FlowResult { return FlowResult::WrongStep; },   // the owner's
            [&](const cmd::CloseRenewal&) -> FlowResult { return FlowResult::WrongStep; },  // the owner's
        },
        command);
}

FlowResult apply_renewal_command(std::unique_ptr<RenewalFlow>& slot, const RenewalCommand& command, bool logged_in,
                                 bool in_window, const std::function<std::unique_ptr<CertificateRenewal>()>& make) {
    if (!logged_in) return FlowResult::WrongStep;
    if (std::holds_alternative<cmd::CloseRenewal>(command)) {
        slot.reset();
        return FlowResult::Ok;
    }
    if (std::holds_alternative<cmd::OpenRenewal>(command)) {
        if (!in_window) return BankResult::NotInRenewalWindow;
        slot.reset();  // a renewal left open is cancelled first
        slot = std::make_unique<RenewalFlow>(make());
        return FlowResult::Ok;
    }
    if (!slot) return FlowResult::WrongStep;
    return slot->apply(command);
}

}  // namespace cp
