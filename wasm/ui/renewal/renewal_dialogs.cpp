// 証明書更新's OS dialogs (seed 000 (8), (9), (11)): the web access confirmation before issuing
// (once or twice, as the simulated OS says) and before installing, the protected item and its
// セキュリティレベルの設定 (os/certificate_operation_dialogs.h).
#include <string>

#include "desk/desk.h"
#include "format.h"
#include "os/certificate_operation_dialogs.h"
#include "renewal/renewal_screens.h"

namespace cp::ui {

void draw_renewal_dialog(const Ui& ui, RenewalFlow& flow) {
    const Language l = ui.lang();
    switch (flow.screen()) {
        case RenewalFlow::Screen::WebAccess:
        case RenewalFlow::Screen::Install: {
            // The same prompt up to three times: each says which it is.
            const CertificateRenewal& r = flow.renewal();
            const std::string step = flow.screen() == RenewalFlow::Screen::Install
                                         ? std::string(text(TextId::WebAccessInstallStep, l))
                                         : formatf(text(TextId::WebAccessStepFormat, l), r.confirmations_total() - r.confirmations_left() + 1,
                                                   r.confirmations_total());
            const YesNo c = web_access_dialog(kSimulatedSite, l, true, step.c_str());
            if (c != YesNo::None) ui.emit(cmd::AnswerWebAccess{c == YesNo::Yes});
            break;
        }
        case RenewalFlow::Screen::Protection: {
            const ProtectedItemChoice c = protected_item_dialog(flow.protection(), l);
            if (c == ProtectedItemChoice::Ok) ui.emit(cmd::AnswerProtection{true});
            if (c == ProtectedItemChoice::Cancel) ui.emit(cmd::AnswerProtection{false});
            if (c == ProtectedItemChoice::Settings) ui.emit(cmd::OpenProtectionSettings{});
            break;
        }
        case RenewalFlow::Screen::ProtectionSettings: {
            SecurityLevelView view;
            RenewalFlow::View& typed = flow.view();
            view.choice = flow.protection_choice();
            view.password = &typed.new_key_password;
            view.password_again = &typed.new_key_password_again;
            view.password_error = flow.field_error(RenewalFlow::Field::NewKeyPassword);
            view.password_again_error = flow.field_error(RenewalFlow::Field::NewKeyPasswordAgain);
            const SecurityLevelChoice c = security_level_dialog(view, l);
            switch (c.kind) {
                case SecurityLevelChoice::Kind::None: break;
                case SecurityLevelChoice::Kind::Choose: ui.emit(cmd::SetProtectionChoice{c.level}); break;
                case SecurityLevelChoice::Kind::Ok: ui.emit(cmd::CloseProtectionSettings{true, Secret(typed.new_key_password), Secret(typed.new_key_password_again)}); break;
                case SecurityLevelChoice::Kind::Cancel: ui.emit(cmd::CloseProtectionSettings{false, Secret(), Secret()}); break;
            }
            break;
        }
        case RenewalFlow::Screen::Start:
        case RenewalFlow::Screen::Issuing:
        case RenewalFlow::Screen::Done:
        case RenewalFlow::Screen::Failed:
        case RenewalFlow::Screen::Count_: break;  // pages
    }
}

}  // namespace cp::ui
