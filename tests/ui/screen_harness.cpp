#include "screen_harness.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fonts.h"
#include "imgui_internal.h"
#include "theme.h"

namespace cp::test {
namespace {

// The UI face: the whole Debian font (tools/setup.sh installs it), not the bundle's subset, so a
// catalogue string missing from the subset is not hidden here.
std::uint8_t* read_font(int& size) {
    std::FILE* f = std::fopen(CERTPORTAL_FONT_SOURCE, "rb");
    if (f == nullptr) return nullptr;
    std::fseek(f, 0, SEEK_END);
    const long length = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    auto* data = static_cast<std::uint8_t*>(std::malloc(static_cast<std::size_t>(length)));
    const bool ok = data != nullptr && length > 0 && std::fread(data, 1, static_cast<std::size_t>(length), f) == static_cast<std::size_t>(length);
    std::fclose(f);
    if (!ok) {
        std::free(data);
        return nullptr;
    }
    size = static_cast<int>(length);
    return data;
}

// What a renderer does with the 1.92 texture protocol, without a GPU: every texture ImGui wants
// created or updated is "uploaded" (a fake, non-zero ID), every one it wants destroyed is destroyed.
void handle_textures() {
    ImVector<ImTextureData*>& textures = ImGui::GetPlatformIO().Textures;
    for (ImTextureData* tex : textures) {
        switch (tex->Status) {
            case ImTextureStatus_WantCreate:
                tex->SetTexID(static_cast<ImTextureID>(tex->UniqueID) + 1);
                tex->SetStatus(ImTextureStatus_OK);
                break;
            case ImTextureStatus_WantUpdates: tex->SetStatus(ImTextureStatus_OK); break;
            case ImTextureStatus_WantDestroy:
                if (tex->UnusedFrames > 0) {
                    tex->SetTexID(ImTextureID_Invalid);
                    tex->SetStatus(ImTextureStatus_Destroyed);
                }
                break;
            default: break;
        }
    }
}

// Where every active window and reported widget is, and whether a window is still hidden for its
// measuring frame: equal in two frames in a row means the page is still.
std::string layout_signature() {
    std::string sig;
    char buf[96];
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (!w->Active) continue;
        std::snprintf(buf, sizeof(buf), "w%u %d %.1f %.1f %.1f %.1f;", w->ID, w->Hidden ? 1 : 0, static_cast<double>(w->Pos.x),
                      static_cast<double>(w->Pos.y), static_cast<double>(w->Size.x), static_cast<double>(w->Size.y));
        sig += buf;
    }
    for (const auto* list : {&cp::ui::widget_registry_widgets(), &cp::ui::widget_registry_texts()})
        for (const WidgetInfo& w : *list) {
            std::snprintf(buf, sizeof(buf), "%.1f %.1f %.1f %.1f ", static_cast<double>(w.min.x), static_cast<double>(w.min.y),
                          static_cast<double>(w.max.x), static_cast<double>(w.max.y));
            sig += buf;
            sig += w.label;
            sig += ';';
        }
    return sig;
}

constexpr int kMaxInputFrames = 16;
constexpr int kMaxSettleFrames = 8;

}  // namespace

ScreenHarness::ScreenHarness(float width, float height) {
    IMGUI_CHECKVERSION();
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as the bundle (wasm/platform/main.cpp)
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    io.BackendRendererName = "certportal_null";
    io.DisplaySize = ImVec2(width, height);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    cp::ui::apply_theme();
    int size = 0;
    std::uint8_t* font = read_font(size);
    if (font == nullptr || !cp::ui::fonts_install_ui_face(font, size)) {
        // Without a font ImGui cannot draw a frame: nothing after this could run.
        std::fprintf(stderr, "ui tests: cannot load %s (run tools/setup.sh)\n", CERTPORTAL_FONT_SOURCE);
        std::abort();
    }
}

ScreenHarness::~ScreenHarness() {
    make_current();
    // As a renderer's shutdown: the textures go with the (fake) device.
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->Status == ImTextureStatus_Destroyed) continue;
        tex->SetTexID(ImTextureID_Invalid);
        tex->SetStatus(ImTextureStatus_Destroyed);
    }
    ImGui::GetIO().BackendFlags &= ~ImGuiBackendFlags_RendererHasTextures;
    ImGui::DestroyContext(ctx_);
}

void ScreenHarness::make_current() const { ImGui::SetCurrentContext(ctx_); }

void ScreenHarness::frame(const DrawFn& draw) {
    make_current();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    cp::ui::widget_registry_begin_frame();
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    cp::ui::widget_registry_end_frame();
    handle_textures();
}

void ScreenHarness::settle(const DrawFn& draw) {
    frame(draw);
    std::string before = layout_signature();
    std::string now;
    for (int i = 1; i < kMaxSettleFrames; ++i) {
        frame(draw);
        now = layout_signature();
        if (now == before) return;
        if (i + 1 < kMaxSettleFrames) before = now;
    }
    // Say what keeps moving: the first entry that differs between the last two frames.
    std::size_t at = 0;
    while (at < before.size() && at < now.size() && before[at] == now[at]) ++at;
    const std::size_t from = before.rfind(';', at) == std::string::npos ? 0 : before.rfind(';', at) + 1;
    ADD_FAILURE() << "the page did not settle in " << kMaxSettleFrames << " frames; it keeps changing at: "
                  << before.substr(from, 120) << " -> " << now.substr(from, 120);
}

const WidgetInfo* ScreenHarness::find(std::string_view label) const { return cp::ui::widget_registry_find(label); }
std::vector<WidgetInfo> ScreenHarness::widgets() const { return cp::ui::widget_registry_widgets(); }
const WidgetInfo* ScreenHarness::find_text(std::string_view text) const { return cp::ui::widget_registry_find_text(text); }
std::vector<WidgetInfo> ScreenHarness::texts() const { return cp::ui::widget_registry_texts(); }

std::string ScreenHarness::labels() const {
    std::string out;
    for (const WidgetInfo& w : cp::ui::widget_registry_widgets()) {
        if (!out.empty()) out += ", ";
        out += '"' + w.label + '"';
    }
    return out.empty() ? "(no widgets: was a frame run?)" : out;
}

bool ScreenHarness::click(std::string_view label, const DrawFn& draw) {
    make_current();
    const WidgetInfo* w = find(label);
    if (w == nullptr) {
        ADD_FAILURE() << "no widget labelled \"" << label << "\" in the last frame; widgets: " << labels();
        return false;
    }
    if (w->disabled) {
        ADD_FAILURE() << "the widget \"" << label << "\" is disabled";
        return false;
    }
    return click_at(w->center(), draw);
}

bool ScreenHarness::click_at(ImVec2 at, const DrawFn& draw) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(at.x, at.y);
    frame(draw);  // hover
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    frame(draw);  // press: the item becomes active
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    frame(draw);  // release: Button() returns true in this frame
    settle(draw);
    return true;
}

void ScreenHarness::scroll(ImVec2 at, float wheel, const DrawFn& draw) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(at.x, at.y);
    io.AddMouseWheelEvent(0.0f, wheel);
    drain_input(draw);
    settle(draw);
}

void ScreenHarness::move_mouse(ImVec2 at, const DrawFn& draw) {
    make_current();
    ImGui::GetIO().AddMousePosEvent(at.x, at.y);
    drain_input(draw);
    settle(draw);
}

void ScreenHarness::touch_hold(ImVec2 at, float seconds, const DrawFn& draw) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(at.x, at.y);
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(0, true);
    drain_input(draw);
    for (int i = 0; i < static_cast<int>(seconds * 60.0f); ++i) frame(draw);
}

void ScreenHarness::touch_lift(const DrawFn& draw) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(0, false);
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    drain_input(draw);
    settle(draw);
}

bool ScreenHarness::tooltip_shown() const {
    make_current();
    for (const ImGuiWindow* w : GImGui->Windows)
        if ((w->Flags & ImGuiWindowFlags_Tooltip) != 0 && w->Active) return true;
    return false;
}

void ScreenHarness::type(std::string_view text, const DrawFn& draw) {
    make_current();
    ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
    drain_input(draw);
}

void ScreenHarness::press(ImGuiKey key, const DrawFn& draw) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    drain_input(draw);
}

cp::ui::PasteVerdict ScreenHarness::paste(std::string_view text, const DrawFn& draw) {
    make_current();
    const cp::ui::PasteVerdict verdict = cp::ui::offer_paste(text);
    if (verdict == cp::ui::PasteVerdict::Accept) {
        ImGui::SetClipboardText(std::string(text).c_str());
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(ImGuiKey_V, true);
        io.AddKeyEvent(ImGuiKey_V, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
    }
    drain_input(draw);
    return verdict;
}

void ScreenHarness::resize(float width, float height) {
    make_current();
    ImGui::GetIO().DisplaySize = ImVec2(width, height);
}

void ScreenHarness::drain_input(const DrawFn& draw) {
    int frames = 0;
    do {
        frame(draw);
    } while (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 && ++frames < kMaxInputFrames);
    EXPECT_EQ(ImGui::GetCurrentContext()->InputEventsQueue.Size, 0) << "ImGui did not consume the input";
    settle(draw);
}

}  // namespace cp::test
