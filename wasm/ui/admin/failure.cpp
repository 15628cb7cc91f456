// The end of a failed login or procedure: the seed's words for why, and the way back. The flow is
// over; the person starts again from the top page (「インターネット画面をすべて閉じてから、再度ログイン
// してください」), or goes to the branch with the named form.
#include "admin/admin_screens.h"
#include "fields.h"
#include "theme.h"
#include "tls/handshake_viewer.h"
#include "widgets.h"

namespace cp::ui {

void draw_admin_failure(const Ui& ui, AdminFlow& flow) {
    begin_bank_page("##failure", ui.t(TextId::FailureTitle), TitleTone::Error);
    result_message(flow.failure(), 0, ui.lang());
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::BackToTop))) ui.emit(cmd::LeaveFlow{});
    // The login's handshake, one click away: why a refused certificate ended here, on the wire.
    ImGui::SameLine();
    handshake_viewer_button(ui, last_handshake(ui.session));
    end_card();
}

}  // namespace cp::ui
