// The reissue's completion (after seed 001 (10)): what the user needs — ① 契約者ID ② 利用者ID
// ③ 利用者暗証番号 ④ ワンタイムパスワード —, that the administrator tells the user ① and ②, that the
// user picks up on their own PC, and the pickup deadline as a date.
#include "admin/admin_screens.h"
#include "fields.h"
#include "format.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {

void draw_admin_user_done(const Ui& ui, AdminFlow& flow) {
    const Language l = ui.lang();
    const UserCertificateMaintenance* m = flow.maintenance();
    const User* u = m != nullptr ? m->selected() : nullptr;
    if (u == nullptr) return;
    draw_admin_session_bar(ui, flow);
    const TextId title = flow.certificate_action() == UserCertificateAction::Reissue  ? TextId::DoneTitle
                         : flow.certificate_action() == UserCertificateAction::Revoke ? TextId::DoneRevokedTitle
                                                                                       : TextId::DoneContinueTitle;
    begin_bank_page("##user_done", ui.t(title));
    text_sized(ui.t(TextId::ColUserId), size::kDetail, color::kTextMuted);
    ImGui::SameLine();
    text_sized(u->id.c_str(), size::kHeading, color::kText);
    if (flow.certificate_action() == UserCertificateAction::Reissue) {
        section_title(ui.t(TextId::DoneNeedsTitle));
        for (TextId need : {TextId::DoneNeedContractId, TextId::DoneNeedUserId, TextId::DoneNeedUserPin, TextId::DoneNeedOtp})
            text_wrapped_sized(ui.t(need), size::kDetail, color::kText);
        ImGui::Dummy(ImVec2(0, 4));
        text_wrapped_sized(ui.t(TextId::DoneNotify), size::kDetail, color::kText);
        text_wrapped_sized(ui.t(TextId::DoneOwnPc), size::kDetail, color::kText);
        if (flow.pickup_deadline() != 0)
            text_wrapped_sized(formatf(ui.t(TextId::DoneDeadline), format_date_time(flow.pickup_deadline(), l).c_str()).c_str(),
                               size::kDetail, color::kAccent);
        if (m->token_missing()) {
            ImGui::Dummy(ImVec2(0, 4));
            error_line(ui.t(TextId::MemoTokenNeeded));
        }
    }
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::ReturnToMenu))) ui.emit(cmd::ReturnToMenu{});
    end_card();
}

}  // namespace cp::ui
