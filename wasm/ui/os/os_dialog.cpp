#include "os/os_dialog.h"

#include <algorithm>
#include <string>

#include "theme.h"
#include "widgets.h"

namespace cp::ui {

void begin_os_dialog(const char* title, float width) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(width, vp->WorkSize.x - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.42f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->WorkSize.y - size::kMarkerBar - 16.0f));
    // Modal to the browser, not to the taskbar: focus comes back to the dialog every frame except
    // while an item is held (a taskbar button being clicked: stealing focus then would cancel the
    // click, and the language or the panels could not be used while a dialog waits).
    if (!ImGui::IsAnyItemActive()) ImGui::SetNextWindowFocus();
    // One window id for every OS dialog ("###os_dialog"): only one is open at a time.
    begin_os_window((std::string(title) + "###os_dialog").c_str(), nullptr);
    widget_registry_begin_dialog(title);
}

void end_os_dialog() {
    widget_registry_end_dialog();
    end_os_window();
}

bool begin_os_window(const char* name, bool* open) {
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kOsDialog);
    ImGui::PushStyleColor(ImGuiCol_TitleBg, color::kOsTitle);
    ImGui::PushStyleColor(ImGuiCol_TitleBgActive, color::kOsTitle);
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(0x70, 0x70, 0x70, 0xFF));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 2.0f);
    ImGui::PushFont(nullptr, size::kOsText);  // first: frame_padding() measures the font in use
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, frame_padding(ImVec2(10, 6)));
    return ImGui::Begin(name, open,
                        ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
}

void end_os_window() {
    ImGui::End();
    ImGui::PopFont();
    ImGui::PopStyleVar(4);
    ImGui::PopStyleColor(4);
}

bool os_button(const char* label, bool primary, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, color::kOsButton);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kOsSelection);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::kOsSelection);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
    ImGui::PushStyleColor(ImGuiCol_Border, primary ? color::kOsAccent : IM_COL32(0xAD, 0xAD, 0xAD, 0xFF));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, primary ? 2.0f : 1.0f);
    const bool pressed = ImGui::Button(label, ImVec2(width, 0));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    return pressed;
}

void os_buttons_right(int count, float width) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float n = static_cast<float>(count);
    const float total = n * width + (n - 1) * spacing;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > total) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - total);
}

void os_same_line_if_fits(float width) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right_edge) ImGui::SameLine();
}

bool os_dialog_key(ImGuiKey key) {
    if (key == ImGuiKey_Enter && ImGui::IsAnyItemFocused()) return false;
    return ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput &&
           ImGui::IsKeyPressed(key, false);
}

void os_text(const char* text) { text_sized(text, size::kOsText, color::kText); }
void os_text_wrapped(const char* text) { text_wrapped_sized(text, size::kOsText, color::kText); }

}  // namespace cp::ui
