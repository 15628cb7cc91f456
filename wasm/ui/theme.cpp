#include "theme.h"

namespace cp::ui {

void apply_theme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0.0f;
    s.WindowRounding = 0.0f;
    s.ChildRounding = 6.0f;
    s.ChildBorderSize = 1.0f;
    s.FrameRounding = 4.0f;
    s.FramePadding = ImVec2(14, 9);
    s.ItemSpacing = ImVec2(10, 10);
    s.PopupRounding = 4.0f;
    s.ScrollbarSize = 12.0f;
    s.DisabledAlpha = 0.45f;
    // Fields and checkboxes need a visible edge on white cards (WCAG 1.4.11: 3:1 for component
    // boundaries): every frame gets a 1 px border in kFieldBorder.
    s.FrameBorderSize = 1.0f;

    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(color::kPage);
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(color::kCard);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(color::kCardBorder);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(color::kText);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(color::kTextMuted);
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(color::kBrand);
    c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(color::kBrandHover);
    c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(color::kBrandActive);
    c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 0.97f, 1.0f);
    c[ImGuiCol_Separator] = ImGui::ColorConvertU32ToFloat4(color::kCardBorder);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(color::kCard);
    c[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(color::kOsSelection);
    c[ImGuiCol_FrameBgActive] = ImGui::ColorConvertU32ToFloat4(color::kOsSelection);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(color::kFieldBorder);
    c[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(color::kBrand);
}

void page_background(float rgb[3]) {
    const ImVec4 v = ImGui::ColorConvertU32ToFloat4(color::kPage);
    rgb[0] = v.x;
    rgb[1] = v.y;
    rgb[2] = v.z;
}

}  // namespace cp::ui
