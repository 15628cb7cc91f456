// The simulated browser (Microsoft Edge, as in the seeds): a title bar with the page's title, a
// toolbar with the address bar and the two menus the seeds use — ツール (インターネットオプション →
// 証明書, for seed 000's certificate manager) and 「…」 (Internet Explorer モード, seed 001 part 2).
// ツール opens a menu with インターネットオプション(O) (os/certificate_manager.h); 「…」 opens
// desk/browser_menu.cpp. The kind (Edge / Chrome) is the sample-data panel's setting; in IE mode
// the address bar shows the IE badge.
#include <string>

#include "desk/desk.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"
#include "world_ready.h"

namespace cp::ui {
namespace {
constexpr float kTitleBar = 30.0f;
constexpr float kToolbar = 42.0f;
// Touch: the toolbar's menus grow to the smallest touch target, the toolbar with them.
float toolbar_height() { return touch_targets() ? size::kKioskTarget + 12.0f : kToolbar; }
}  // namespace

float browser_chrome_height(bool narrow) { return (narrow ? 0.0f : kTitleBar) + toolbar_height(); }

void draw_browser_window(const Ui& ui, const Rect& r, bool narrow) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(r.x, r.y), b(r.x + r.w, r.y + r.h);
    dl->AddRectFilled(a, b, color::kChrome, narrow ? 0.0f : 6.0f);
    float y = r.y;
    if (!narrow) {  // the window's title: the page's title and the browser
        const bool chrome = ui.session.desk().browser_kind() == BrowserKind::Chrome;
        const std::string title = ui.state.brand.service_name.in(ui.lang()) + ui.t(chrome ? TextId::BrowserTitleChrome : TextId::BrowserTitleSuffix);
        ImGui::SetCursorScreenPos(ImVec2(r.x + 12, y + 7));
        text_sized(title.c_str(), size::kSmall, color::kText);
        y += kTitleBar;
    }
    // Toolbar: the address bar, then ツール and 「…」 at the right.
    const float toolbar = toolbar_height();
    const float menus_w = touch_targets() ? 170.0f : 150.0f;
    const float pad = 6.0f;
    const ImVec2 addr_a(r.x + pad, y + 6), addr_b(r.x + r.w - menus_w - pad, y + toolbar - 6);
    dl->AddRectFilled(addr_a, addr_b, color::kAddressBar, 14.0f);
    dl->PushClipRect(addr_a, addr_b, true);
    ImGui::SetCursorScreenPos(ImVec2(addr_a.x + 14, (addr_a.y + addr_b.y - ImGui::GetFontSize()) * 0.5f));
    if (ui.session.desk().ie_mode()) {  // Edge's IE badge before the address
        text_sized(ui.t(TextId::BrowserIeBadge), size::kSmall, color::kOsAccent);
        ImGui::SameLine();
    }
    text_sized((std::string("https://") + kSimulatedSite + "/").c_str(), size::kSmall, color::kTextMuted);
    dl->PopClipRect();
    ImGui::SetCursorScreenPos(ImVec2(r.x + r.w - menus_w, y + 6));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, frame_padding(ImVec2(10, 5)));
    ImGui::PushStyleColor(ImGuiCol_Button, color::kChrome);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
    // インターネットオプション opens the PC's certificate store: not before the world is in place.
    const bool ready = world_ready(ui);
    ImGui::BeginDisabled(!ready);
    if (ImGui::Button(ui.t(TextId::BrowserToolsMenu))) ImGui::OpenPopup("##tools_menu");
    ImGui::EndDisabled();
    if (!ready) item_tooltip(world_wait_reason(ui));
    if (begin_menu_popup("##tools_menu")) {
        ImGui::BeginDisabled(!ready);  // a world replaced while the menu is open
        if (menu_item(ui.t(TextId::ToolsInternetOptions))) ui.emit(cmd::OpenInternetOptions{});
        ImGui::EndDisabled();
        if (!ready) item_tooltip(world_wait_reason(ui));
        ImGui::EndPopup();
    }
    ImGui::SameLine(0, 6);
    draw_browser_more_menu(ui);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    y += toolbar;

    // The page.
    ImGui::SetCursorScreenPos(ImVec2(r.x, y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kPage);
    ImGui::BeginChild("##bank_page", ImVec2(r.w, r.y + r.h - y - download_shelf_height(ui)), ImGuiChildFlags_None, ImGuiWindowFlags_None);
    draw_bank_page(ui);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace cp::ui
