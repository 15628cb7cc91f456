// 証明書更新's OS dialogs (seed 000 (8), (9), (11)): the web access confirmation before issuing
// (once or twice, as the simulated OS says) and before installing, the protected item and its
// セキュリティレベルの設定 (os/certificate_operation_dialogs.h).
#include "admin/admin_screens.h"
#include "desk/desk.h"
#include "os/certificate_operation_dialogs.h"

namespace cp::ui {

void draw_admin_renewal_dialog(const Ui& ui, AdminFlow& flow) {
    const Language l = ui.lang();
    AdminFlow::Form& form = flow.form();
    switch (flow.screen()) {
        case AdminFlow::Screen::RenewalWebAccess:
        case AdminFlow::Screen::RenewalInstall: {
            const YesNo c = web_access_dialog(kSimulatedSite, l);
            if (c != YesNo::None) ui.emit(cmd::AnswerWebAccess{c == YesNo::Yes});
            break;
        }
        case AdminFlow::Screen::RenewalProtection: {
            const ProtectedItemChoice c = protected_item_dialog(flow.renewal_protection(), l);
            if (c == ProtectedItemChoice::Ok) ui.emit(cmd::AnswerProtection{true});
            if (c == ProtectedItemChoice::Cancel) ui.emit(cmd::AnswerProtection{false});
            if (c == ProtectedItemChoice::Settings) ui.emit(cmd::OpenProtectionSettings{});
            break;
        }
        case AdminFlow::Screen::RenewalProtectionSettings: {
            SecurityLevelView view;
            view.choice = form.protection_choice;
            view.password = &form.new_key_password;
            view.password_again = &form.new_key_password_again;
            view.password_error = flow.field_error(AdminFlow::Field::NewKeyPassword);
            view.password_again_error = flow.field_error(AdminFlow::Field::NewKeyPasswordAgain);
            const SecurityLevelChoice c = security_level_dialog(view, l);
            switch (c.kind) {
                case SecurityLevelChoice::Kind::None: break;
                case SecurityLevelChoice::Kind::Choose: ui.emit(cmd::SetProtectionChoice{c.level}); break;
                case SecurityLevelChoice::Kind::Ok: ui.emit(cmd::CloseProtectionSettings{true}); break;
                case SecurityLevelChoice::Kind::Cancel: ui.emit(cmd::CloseProtectionSettings{false}); break;
            }
            break;
        }
        case AdminFlow::Screen::ChooseCertificate:
        case AdminFlow::Screen::KeyAccess:
        case AdminFlow::Screen::UnlockingKey:
        case AdminFlow::Screen::ContractPin:
        case AdminFlow::Screen::CardChallenge:
        case AdminFlow::Screen::Notices:
        case AdminFlow::Screen::Menu:
        case AdminFlow::Screen::UserGrid:
        case AdminFlow::Screen::UserEdit:
        case AdminFlow::Screen::UserDone:
        case AdminFlow::Screen::Failed:
        case AdminFlow::Screen::RenewalStart:
        case AdminFlow::Screen::RenewalIssuing:
        case AdminFlow::Screen::RenewalDone:
        case AdminFlow::Screen::RenewalFailed: break;  // pages, or the login's dialogs
    }
}

}  // namespace cp::ui
