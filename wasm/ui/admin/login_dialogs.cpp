// The administrator login's OS dialogs: 証明書の選択 (seed 001 (4), seed 000 (3)), the key access
// prompt 「このアプリが秘密キーにアクセスすることを許可しますか？」 and the unlocking wait.
#include <string>

#include "admin/admin_screens.h"
#include "desk/desk.h"
#include "format.h"
#include "os/certificate_dialogs.h"
#include "renewal/renewal_screens.h"

namespace cp::ui {

void draw_admin_dialog(const Ui& ui, AdminFlow& flow) {
    const Language l = ui.lang();
    AdminFlow::Form& form = flow.form();
    switch (flow.screen()) {
        case AdminFlow::Screen::ChooseCertificate: {
            const Bank& bank = flow.bank();
            const std::string example = bank.state().contract.id + " " + bank.state().contract.bank_code;
            const std::string hint = std::string(text(TextId::ChooserAdminHint, l)) + "\n" +
                                     formatf(text(TextId::ChooserAdminExample, l), bank.state().contract.bank_code.c_str(), example.c_str());
            ChooserView view;
            view.store = &flow.store();
            view.highlighted = &form.highlighted_certificate;
            view.properties = &flow.properties_serial();
            view.issuer = ui.state.brand.ca_name.in(l).c_str();
            view.hint = hint.c_str();
            view.site = kSimulatedSite;
            const ChooserChoice c = certificate_chooser(view, l);
            switch (c.kind) {
                case ChooserChoice::Kind::None: break;
                case ChooserChoice::Kind::Ok: ui.emit(cmd::ChooseCertificate{c.serial}); break;
                case ChooserChoice::Kind::Cancel: ui.emit(cmd::LeaveFlow{}); break;
                case ChooserChoice::Kind::Properties: ui.emit(cmd::ShowCertificateProperties{c.serial}); break;
                case ChooserChoice::Kind::CloseProperties: ui.emit(cmd::ShowCertificateProperties{""}); break;
            }
            break;
        }
        case AdminFlow::Screen::KeyAccess: {
            const InstalledCertificate* chosen = flow.store().find(form.highlighted_certificate);
            const std::string name = chosen != nullptr ? chosen->subject.display_name() : std::string();
            const KeyAccessChoice c = key_access_dialog(name, flow.login().key_access_needs_password(), form.key_password,
                                                        flow.field_error(AdminFlow::Field::KeyPassword), flow.last_result(), l);
            if (c == KeyAccessChoice::Allow) ui.emit(cmd::GrantKeyAccess{});
            if (c == KeyAccessChoice::Deny) ui.emit(cmd::DenyKeyAccess{});
            break;
        }
        case AdminFlow::Screen::UnlockingKey: key_unlocking_dialog(l); break;
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
        case AdminFlow::Screen::RenewalFailed: break;
        case AdminFlow::Screen::RenewalWebAccess:
        case AdminFlow::Screen::RenewalProtection:
        case AdminFlow::Screen::RenewalProtectionSettings:
        case AdminFlow::Screen::RenewalInstall: draw_renewal_dialog(ui, *flow.renewal_flow()); break;
    }
}

}  // namespace cp::ui
