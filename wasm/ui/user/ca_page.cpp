// しんきん電子証明書認証局 (seed 001 part 2 (6)-(7)): 電子証明書取得アプリのダウンロード with its
// text and notes, ダウンロード; 電子証明書取得開始 with its notes and 取得, enabled only while the app
// runs. The links of the seed lead to pages the simulator does not have: disabled, with a tooltip.
#include "fields.h"
#include "theme.h"
#include "user/user_screens.h"
#include "widgets.h"

namespace cp::ui {

// The seed's 「…はこちら」 links lead to pages the simulator does not have: drawn in a faded link
// colour, wrapped (long English on a phone), with a tooltip that says so.
void disabled_link(const char* label, const char* why) { link_wrapped(label, size::kDetail, color::kLinkDisabled, false, why); }

namespace {

// Where the app stands, in the page's words.
TextId app_status(UserFlow::AppWindow window) {
    switch (window) {
        case UserFlow::AppWindow::Closed: return TextId::CaPageNoteAppRunning;
        case UserFlow::AppWindow::Ready: return TextId::CaPageAppRunning;
        case UserFlow::AppWindow::Working: return TextId::CaPageWorking;
        case UserFlow::AppWindow::Done: return TextId::CaPageAppDone;
    }
    return TextId::CaPageNoteAppRunning;
}

}  // namespace

void draw_ca_page(const Ui& ui, UserFlow& flow) {
    const Language l = ui.lang();
    begin_bank_page("##ca_page", ui.state.brand.ca_name.in(l).c_str());
    draw_pickup_deadline(ui, flow);
    result_message(flow.last_result(), 0, l);
    section_title(ui.t(TextId::CaPageTitle));
    text_wrapped_sized(ui.t(TextId::CaPageIntro), size::kDetail, color::kText);
    for (TextId link : {TextId::CaPageLinkHowTo, TextId::CaPageLinkCannot, TextId::CaPageLinkEnv})
        disabled_link(ui.t(link), ui.t(TextId::CaPageLinksNotYet));
    ImGui::Dummy(ImVec2(0, 4));
    const UserFlow::AppWindow app = flow.app_window();
    const bool can_download = app == UserFlow::AppWindow::Closed || app == UserFlow::AppWindow::Ready;
    ImGui::BeginDisabled(!can_download);
    if (button(ui.t(TextId::CaPageDownload))) ui.emit(cmd::user::Download{});
    ImGui::EndDisabled();

    ImGui::Dummy(ImVec2(0, 8));
    section_title(ui.t(TextId::CaPageStartTitle));
    text_wrapped_sized(ui.t(TextId::CaPageNoteOwnPc), size::kDetail, color::kText);
    text_wrapped_sized(ui.t(app_status(app)), size::kDetail, app == UserFlow::AppWindow::Closed ? color::kText : color::kBrand);
    ImGui::Dummy(ImVec2(0, 4));
    const bool ready = app == UserFlow::AppWindow::Ready;
    ImGui::BeginDisabled(!ready);
    if (button(ui.t(TextId::CaPageAcquire)) && ready) ui.emit(cmd::user::Acquire{});
    ImGui::EndDisabled();
    if (!ready) item_tooltip(ui.t(TextId::CaPageAcquireDisabled));
    // Leaving while the app works would lose the pickup; once it has worked, its own 閉じる is the
    // way on. The page's 閉じる is there before 取得 only.
    if (app == UserFlow::AppWindow::Closed || app == UserFlow::AppWindow::Ready) {
        ImGui::SameLine();
        if (button(ui.t(TextId::Close))) ui.emit(cmd::LeaveFlow{});
    }
    end_card();
    if (const float covered = acquisition_app_covered_bottom(); covered > 0.0f) ImGui::Dummy(ImVec2(0, covered));
}

}  // namespace cp::ui
