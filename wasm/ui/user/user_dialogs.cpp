// The user flow's OS dialogs: 「Webアクセスの確認」 (IE mode, seed 001 part 2 (7): はい / いいえ) and
// the certificate login's 証明書の選択, key access and unlocking (the shared dialogs of os/).
#include <string>

#include "desk/desk.h"
#include "os/certificate_dialogs.h"
#include "os/certificate_operation_dialogs.h"
#include "os/os_dialog.h"
#include "user/user_screens.h"
#include "widgets.h"

namespace cp::ui {
// Windows' scripted-certificate prompt (os/certificate_operation_dialogs.h). No Escape: the seed's
// いいえ loses the pickup, so only a deliberate click says it.
void draw_user_web_access(const Ui& ui, UserFlow&) {
    switch (web_access_dialog(kSimulatedSite, ui.lang(), /*escape_answers_no=*/false)) {
        case YesNo::None: break;
        case YesNo::Yes: ui.emit(cmd::user::AnswerWebAccess{true}); break;
        case YesNo::No: ui.emit(cmd::user::AnswerWebAccess{false}); break;
    }
}

void draw_user_chooser(const Ui& ui, UserFlow& flow) {
    const Language l = ui.lang();
    ChooserView view;
    view.certificates = flow.chooser_certificates();
    view.highlighted = &flow.view().highlighted_certificate;
    view.properties = &flow.properties_serial();
    view.issuer = ui.state.brand.ca_name.in(l).c_str();
    view.hint = ui.t(TextId::ChooserUserHint);
    view.site = kSimulatedSite;
    const ChooserChoice c = certificate_chooser(view, l);
    switch (c.kind) {
        case ChooserChoice::Kind::None: break;
        case ChooserChoice::Kind::Ok: ui.emit(cmd::user::ChooseCertificate{c.serial}); break;
        case ChooserChoice::Kind::Cancel: ui.emit(cmd::LeaveFlow{}); break;
        case ChooserChoice::Kind::Properties: ui.emit(cmd::user::ShowCertificateProperties{c.serial}); break;
        case ChooserChoice::Kind::CloseProperties: ui.emit(cmd::user::ShowCertificateProperties{""}); break;
    }
}

void draw_user_key_access(const Ui& ui, UserFlow& flow) {
    const InstalledCertificate* chosen = flow.login_certificate();
    const std::string name = chosen != nullptr ? chosen->subject.display_name() : std::string();
    const KeyAccessChoice c = key_access_dialog(name, flow.login()->key_access_needs_password(), flow.view().key_password,
                                                flow.field_error(UserFlow::Field::KeyPassword), flow.last_result(), ui.lang());
    if (c == KeyAccessChoice::Allow) ui.emit(cmd::user::GrantKeyAccess{Secret(flow.view().key_password)});
    if (c == KeyAccessChoice::Deny) ui.emit(cmd::user::DenyKeyAccess{});
}

void draw_user_unlocking(const Ui& ui, UserFlow&) { key_unlocking_dialog(ui.lang()); }

}  // namespace cp::ui
