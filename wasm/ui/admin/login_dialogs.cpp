// The administrator login's OS dialogs: 証明書の選択 (seed 001 (4), seed 000 (3)), the key access
// prompt 「このアプリが秘密キーにアクセスすることを許可しますか？」 and the unlocking wait.
#include <string>

#include "admin/admin_screens.h"
#include "desk/desk.h"
#include "format.h"
#include "os/certificate_dialogs.h"

namespace cp::ui {

void draw_admin_chooser(const Ui& ui, AdminFlow& flow) {
    const Language l = ui.lang();
    const Contract& contract = flow.bank_view().contract();
    const std::string example = contract.id + " " + contract.bank_code;
    const std::string hint = std::string(text(TextId::ChooserAdminHint, l)) + "\n" +
                             formatf(text(TextId::ChooserAdminExample, l), contract.bank_code.c_str(), example.c_str());
    ChooserView view;
    view.certificates = flow.chooser_certificates();
    view.highlighted = &flow.view().highlighted_certificate;
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
}

void draw_admin_key_access(const Ui& ui, AdminFlow& flow) {
    AdminFlow::View& view = flow.view();
    const InstalledCertificate* chosen = flow.store().find(view.highlighted_certificate);
    const std::string name = chosen != nullptr ? chosen->subject.display_name() : std::string();
    const KeyAccessChoice c = key_access_dialog(name, flow.login().key_access_needs_password(), view.key_password,
                                                flow.field_error(AdminFlow::Field::KeyPassword), flow.last_result(), ui.lang());
    if (c == KeyAccessChoice::Allow) ui.emit(cmd::GrantKeyAccess{Secret(view.key_password)});
    if (c == KeyAccessChoice::Deny) ui.emit(cmd::DenyKeyAccess{});
}

void draw_admin_unlocking(const Ui& ui, AdminFlow&) { key_unlocking_dialog(ui.lang()); }

}  // namespace cp::ui
