// The simulated browser's 「…」 menu and Internet Explorer モード (seed 001 part 2, IE mode (3)):
// Edge offers 「Internet Explorer モードで再読み込みする」 (and, in IE mode, leaving it); Chrome has no
// IE mode, which the menu says with the seed's words. After the reload the banner 「このページは
// Internet Explorer モードで開かれています」 hangs under the toolbar until 完了.
#include <algorithm>

#include "desk/desk.h"
#include "imgui.h"
#include "os/os_dialog.h"
#include "theme.h"
#include "widgets.h"
#include "world_ready.h"

namespace cp::ui {

void draw_browser_more_menu(const Ui& ui) {
    const bool ready = world_ready(ui);
    ImGui::BeginDisabled(!ready);
    if (ImGui::Button(ui.t(TextId::BrowserMoreMenu), ImVec2(touch_targets() ? size::kKioskTarget : 40.0f, 0))) ImGui::OpenPopup("##more_menu");
    ImGui::EndDisabled();
    if (!ready) item_tooltip(world_wait_reason(ui));
    if (!begin_menu_popup("##more_menu")) return;
    ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
    if (ui.session.desk().browser_kind() == BrowserKind::Chrome) {
        ImGui::BeginDisabled();
        menu_item(ui.t(TextId::BrowserMenuIeReload));
        ImGui::EndDisabled();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 320.0f);
        text_wrapped_sized(ui.t(TextId::BrowserMenuIeChrome), size::kSmall, color::kTextMuted);
        ImGui::PopTextWrapPos();
    } else if (ui.session.desk().ie_mode()) {
        if (menu_item(ui.t(TextId::BrowserMenuIeLeave))) ui.emit(cmd::LeaveIeMode{});
    } else {
        if (menu_item(ui.t(TextId::BrowserMenuIeReload))) ui.emit(cmd::ReloadInIeMode{});
    }
    ImGui::PopStyleColor();
    ImGui::EndPopup();
}

void draw_ie_banner(const Ui& ui, const Rect& browser, float top) {
    if (!ui.session.desk().ie_banner_open()) return;
    const float w = std::min(420.0f, browser.w - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(browser.x + browser.w - 8, top), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, FLT_MAX));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kAddressBar);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kCardBorder);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    ImGui::Begin("##ie_banner", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    text_wrapped_sized(ui.t(TextId::IeBannerText), size::kSmall + 2, color::kText);
    text_wrapped_sized(ui.t(TextId::IeBannerHint), size::kSmall, color::kTextMuted);
    os_buttons_right(1);
    if (os_button(ui.t(TextId::IeBannerDone), true)) ui.emit(cmd::CloseIeBanner{});
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

}  // namespace cp::ui
