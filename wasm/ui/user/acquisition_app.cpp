// The acquisition app (ShinkinIBCertTool) as its own window on the simulated desk, beside the
// browser (seed 001 part 2 (6) ③ - (8)): running (the browser's 取得 is enabled), then
// 電子証明書発行処理中 with the PC's and the bank's real progress (key pair, request, protection,
// issuing, installing: each step is the core's, none is timed), then 「電子証明書 取得完了」 and
// 閉じる. Its title bar's × closes it; mid-way that is the seed's error (the flow says so).
#include <algorithm>
#include <string>

#include "format.h"
#include "os/os_dialog.h"
#include "theme.h"
#include "user/user_screens.h"
#include "widgets.h"

namespace cp::ui {
namespace {

constexpr TextId kSteps[] = {TextId::AppStepKeyPair, TextId::AppStepRequest, TextId::AppStepProtection,
                             TextId::AppStepIssuing, TextId::AppStepInstalling};

// A step's marker: done (filled), current (ring in the accent colour), to come (grey ring).
void step_line(const char* label, int state) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = 5.0f, y = p.y + size::kOsText * 0.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (state < 0) dl->AddCircleFilled(ImVec2(p.x + r + 1, y), r, color::kTitleBar);
    else if (state == 0) dl->AddCircle(ImVec2(p.x + r + 1, y), r, color::kOsAccent, 0, 2.5f);
    else dl->AddCircle(ImVec2(p.x + r + 1, y), r, color::kCardBorder, 0, 1.5f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 2 * r + 10, p.y));
    // The step under way is announced (politely) as the app moves on.
    text_sized(label, size::kOsText, state > 0 ? color::kTextMuted : color::kText, state == 0 ? TextKind::Status : TextKind::Plain);
}

// Narrower than this, the window sits over the bottom of the page instead of beside 取得.
constexpr float kBesideThePageMinWidth = 700.0f;
// How much of the page's bottom the window covered when last drawn (at the bottom on a phone).
float g_covered_bottom = 0.0f;

}  // namespace

float acquisition_app_covered_bottom() { return g_covered_bottom; }

void draw_acquisition_app(const Ui& ui, const UserFlow& flow, const Rect& browser) {
    const UserFlow::AppWindow app = flow.app_window();
    g_covered_bottom = 0.0f;
    if (app == UserFlow::AppWindow::Closed) return;
    const Language l = ui.lang();
    const float w = std::min(400.0f, browser.w - 16.0f);
    // Beside the page's 取得 (right half) on a wide screen, its title bar where it opened whatever
    // its content (the × stays put); at the bottom on a phone, where the page scrolls above it.
    if (browser.w >= kBesideThePageMinWidth)
        ImGui::SetNextWindowPos(ImVec2(browser.x + browser.w - 16, browser.y + browser.h * 0.45f), ImGuiCond_Always, ImVec2(1, 0));
    else
        ImGui::SetNextWindowPos(ImVec2(browser.x + browser.w * 0.5f, browser.y + browser.h - 8), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, browser.h));
    bool open = true;
    const std::string title = std::string(ui.t(TextId::AppTitle)) + " - " + ui.t(TextId::AppFileName) + "###acquisition_app";
    begin_os_window(title.c_str(), &open);
    name_close_button(ui.t(TextId::AppCloseWindow));
    text_sized(ui.state.brand.ca_name.in(l).c_str(), size::kOsText + 2, color::kBrand);
    ImGui::Separator();
    switch (app) {
        case UserFlow::AppWindow::Closed: break;
        case UserFlow::AppWindow::Ready:
            os_text_wrapped(ui.t(TextId::AppReady));
            text_wrapped_sized(ui.t(TextId::AppKeepOpen), size::kOsText, color::kAccent);
            break;
        case UserFlow::AppWindow::Working: {
            text_sized(ui.t(TextId::AppWorking), size::kOsText + 3, color::kText);
            const int current = static_cast<int>(flow.progress());
            for (int i = 0; i < 5; ++i) step_line(ui.t(kSteps[i]), i < current ? -1 : i == current ? 0 : 1);
            ImGui::ProgressBar(static_cast<float>(current) / 5.0f, ImVec2(-FLT_MIN, 8), "");
            text_wrapped_sized(ui.t(TextId::AppKeepOpen), size::kOsText, color::kAccent);
            break;
        }
        case UserFlow::AppWindow::Done: {
            text_sized(ui.t(TextId::AppDone), size::kOsText + 5, color::kTitleBar);
            const InstalledCertificate* c = flow.pickup() != nullptr ? flow.store().find(flow.pickup()->installed_serial()) : nullptr;
            if (c != nullptr)
                os_text_wrapped(formatf(ui.t(TextId::AppDoneDetail), c->subject.display_name().c_str(), format_date_time(c->not_after, l).c_str()).c_str());
            ImGui::Dummy(ImVec2(0, 4));
            os_buttons_right(1);
            if (os_button(ui.t(TextId::Close), true)) ui.emit(cmd::user::CloseApp{});
            break;
        }
    }
    if (browser.w < kBesideThePageMinWidth) g_covered_bottom = ImGui::GetWindowHeight() + 8.0f;  // its margin above the browser's edge
    end_os_window();
    if (!open) ui.emit(cmd::user::CloseApp{});
}

}  // namespace cp::ui
