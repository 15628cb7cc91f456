// The simulated browser's download UI once ダウンロード was clicked (seed 001 part 2 (6) ②): Edge
// shows its downloads flyout at the top right with 「開く」; Chrome shows the file
// (ShinkinIBCertTool.exe) at the bottom left. Opening it starts the acquisition app.
#include <algorithm>

#include "os/os_dialog.h"
#include "theme.h"
#include "user/user_screens.h"
#include "widgets.h"

namespace cp::ui {
namespace {

constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
constexpr float kShelf = 44.0f;   // Chrome's download shelf

void begin_browser_popup(const char* id, ImVec2 at, ImVec2 pivot, float width) {
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, pivot);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kAddressBar);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kCardBorder);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 10));
    ImGui::Begin(id, nullptr, kFlags);
}

void end_browser_popup() {
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

}  // namespace

void draw_downloads(const Ui& ui, const UserFlow& flow, const Rect& browser, bool narrow) {
    if (!flow.downloaded()) return;
    const bool running = flow.app_window() != UserFlow::AppWindow::Closed;
    const char* file = ui.t(TextId::AppFileName);
    if (ui.session.desk().browser_kind() == BrowserKind::Edge) {
        if (running) return;  // the flyout closes once the file is opened
        const float w = std::min(320.0f, browser.w - 16.0f);
        begin_browser_popup("##downloads_edge", ImVec2(browser.x + browser.w - 8, browser.y + browser_chrome_height(narrow)), ImVec2(1, 0), w);
        text_sized(ui.t(TextId::DownloadsTitle), size::kSmall + 2, color::kText);
        ImGui::Separator();
        text_sized(file, size::kDetail, color::kText);
        text_sized(ui.t(TextId::DownloadsDone), size::kSmall, color::kTextMuted);
        if (os_button(ui.t(TextId::DownloadsOpen), true)) ui.emit(cmd::user::OpenDownload{});
        end_browser_popup();
        return;
    }
    // Chrome: the file at the bottom left, in the shelf the browser keeps below the page
    // (download_shelf_height); it stays after opening.
    ImGui::SetNextWindowPos(ImVec2(browser.x, browser.y + browser.h - kShelf), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(browser.w, kShelf));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kChrome);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
    ImGui::Begin("##downloads_chrome", nullptr, kFlags & ~ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::BeginDisabled(running);
    if (os_button(file, false, 230.0f)) ui.emit(cmd::user::OpenDownload{});
    ImGui::EndDisabled();
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

float download_shelf_height(const Ui& ui) {
    const UserFlow* flow = ui.session.user_flow();
    const bool shown = flow != nullptr && flow->downloaded() && ui.session.desk().browser_kind() == BrowserKind::Chrome &&
                       flow->path() == AcquisitionPath::AcquisitionApp;
    return shown ? kShelf : 0.0f;
}

}  // namespace cp::ui
