// The end of a failed login or procedure: the seed's words for why, and the way back. The flow is
// over; the person starts again from the top page (「インターネット画面をすべて閉じてから、再度ログイン
// してください」), or goes to the branch with the named form.
#include "admin/admin_screens.h"
#include "fields.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {

void draw_admin_failure(const Ui& ui, AdminFlow& flow) {
    begin_bank_page("##failure", ui.t(TextId::FailureTitle), TitleTone::Error);
    result_message(flow.failure(), 0, ui.lang());
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::BackToTop))) ui.emit(cmd::LeaveFlow{});
    end_card();
}

}  // namespace cp::ui
