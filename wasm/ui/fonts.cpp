#include "fonts.h"

#include <cstdio>
#include <cstdlib>

#include "imgui.h"

namespace cp::ui {
namespace {
bool g_text_face_present = false;
}

bool fonts_install_ui_face(std::uint8_t* data, int size) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;  // data came from malloc, ImGui's default allocator frees it
    std::snprintf(cfg.Name, sizeof(cfg.Name), "BIZ UDPGothic (UI subset)");
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(data, size, kFontSizeBase, &cfg);
    if (font == nullptr) {
        std::free(data);
        return false;
    }
    io.FontDefault = font;
    g_text_face_present = false;
    ImGui::GetStyle().FontSizeBase = kFontSizeBase;
    return true;
}

bool fonts_merge_text_face(std::uint8_t* data, int size) {
    ImGuiIO& io = ImGui::GetIO();
    if (g_text_face_present || io.Fonts->Fonts.Size == 0) {
        std::free(data);
        return false;
    }
    // Glyphs already looked up and found missing are cached as such in the baked sizes: drop the
    // bakes so they are looked up again, this time in both faces.
    ImFont* font = io.Fonts->Fonts.back();
    font->ClearOutputData();
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.FontDataOwnedByAtlas = true;
    std::snprintf(cfg.Name, sizeof(cfg.Name), "BIZ UDPGothic (JIS X 0208)");
    if (io.Fonts->AddFontFromMemoryTTF(data, size, kFontSizeBase, &cfg) == nullptr) {
        std::free(data);
        return false;
    }
    g_text_face_present = true;
    return true;
}

bool fonts_text_face_present() { return g_text_face_present; }

}  // namespace cp::ui
