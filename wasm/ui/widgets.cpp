#include "widgets.h"

#include "theme.h"

namespace cp::ui {

bool wide_button(const char* label, float height, bool available, const char* unavailable_reason) {
    ImGui::BeginDisabled(!available);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    const bool pressed = ImGui::Button(label, ImVec2(-FLT_MIN, height));
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    if (!available && unavailable_reason != nullptr) ImGui::SetItemTooltip("%s", unavailable_reason);
    return pressed && available;
}

void begin_card(const char* id, ImVec2 size) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    ImGui::BeginChild(id, size, ImGuiChildFlags_Borders | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
}

void end_card() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void text_sized(const char* text, float size, ImU32 color) {
    ImGui::PushFont(nullptr, size);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void text_wrapped_sized(const char* text, float size, ImU32 color) {
    ImGui::PushFont(nullptr, size);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

}  // namespace cp::ui
