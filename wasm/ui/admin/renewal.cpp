// 証明書更新 (seed 000 (6)-(12)): the bank's pages of the renewal — 電子証明書の更新 with 更新, the
// page under the OS dialogs, 電子証明書発行処理中 with the PC's and the CA's progress (it moves on by
// itself: the procedure's step changes when the work completes), 電子証明書のインストールが完了しました
// with the seed's notes, and the stop after いいえ / キャンセル (nothing installed, the old
// certificate still works).
#include "admin/admin_screens.h"
#include "fields.h"
#include "format.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

void note(const char* text) { text_wrapped_sized(text, size::kSmall + 1, color::kText); }

void draw_start(const Ui& ui, const AdminFlow& flow) {
    const Language l = ui.lang();
    note(ui.t(TextId::RenewalFromThisPc));
    note(ui.t(TextId::RenewalIntro));
    note(formatf(ui.t(TextId::RenewalCurrentExpiry), format_date_time(flow.bank().state().contract.admin_certificate.not_after, l).c_str())
             .c_str());
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::RenewalUpdate))) ui.emit(cmd::StartRenewal{});
    ImGui::SameLine();
    if (button(ui.t(TextId::ReturnToMenu))) ui.emit(cmd::ReturnToMenu{});
}

void draw_done(const Ui& ui, const AdminFlow& flow) {
    const Language l = ui.lang();
    section_title(ui.t(TextId::RenewalDoneTitle));
    const InstalledCertificate* installed = flow.store().find(flow.renewal()->new_serial());
    if (installed != nullptr)
        note(formatf(ui.t(TextId::RenewalDoneExpiry), format_date_time(installed->not_after, l).c_str()).c_str());
    ImGui::Dummy(ImVec2(0, 4));
    note(ui.t(TextId::RenewalDoneOnlyThisPc));
    note(ui.t(TextId::RenewalDoneOneYear));
    ImGui::Dummy(ImVec2(0, 4));
    text_wrapped_sized(ui.t(TextId::RenewalDoneDeleteOld), size::kSmall + 1, color::kAccent);
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::CloseThisWindow))) ui.emit(cmd::ReturnToMenu{});
}

void draw_failed(const Ui& ui, const AdminFlow& flow) {
    const BankResult why = flow.failure();
    section_title(ui.t(TextId::RenewalFailedTitle));
    if (why == BankResult::Cancelled || why == BankResult::InstallDeclined) error_line(ui.t(TextId::RenewalDeclined));
    else result_message(why, 0, ui.lang());
    note(ui.t(TextId::RenewalNothingInstalled));
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::ReturnToMenu))) ui.emit(cmd::ReturnToMenu{});
}

}  // namespace

void draw_admin_renewal(const Ui& ui, AdminFlow& flow) {
    draw_admin_session_bar(ui, flow);
    page_title(ui.t(TextId::RenewalTitle));
    begin_card("##renewal", ImVec2(-FLT_MIN, 0));
    switch (flow.screen()) {
        case AdminFlow::Screen::RenewalStart:
        case AdminFlow::Screen::RenewalWebAccess:
        case AdminFlow::Screen::RenewalProtection:
        case AdminFlow::Screen::RenewalProtectionSettings: draw_start(ui, flow); break;
        case AdminFlow::Screen::RenewalIssuing:
        case AdminFlow::Screen::RenewalInstall:
            draw_enrollment_progress(ui, flow.renewal()->enrollment_stage(), flow.screen() == AdminFlow::Screen::RenewalInstall);
            break;
        case AdminFlow::Screen::RenewalDone: draw_done(ui, flow); break;
        case AdminFlow::Screen::RenewalFailed: draw_failed(ui, flow); break;
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
        case AdminFlow::Screen::Failed: break;  // not the renewal's
    }
    end_card();
}

}  // namespace cp::ui
