#include "widget_registry.h"

#include <cstdio>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

namespace cp::platform {
namespace {

struct Widget {
    ImGuiID id;
    ImRect rect;
    bool disabled;
    std::string label;
};

struct Registry {
    std::vector<Widget> building;  // items of the frame in progress
    std::vector<Widget> last;      // items of the last complete frame
    std::string json;              // made from `last` on request (only tests and tools ask)
};

Registry g_registry;

void append_json_string(std::string& out, const std::string& s) {
    out += '"';
    for (char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\u%04x", byte);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
}

Widget* find(ImGuiID id) {
    for (auto it = g_registry.building.rbegin(); it != g_registry.building.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

}  // namespace

void widget_registry_begin_frame() {
    g_registry.last.swap(g_registry.building);
    g_registry.building.clear();
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

const std::string& widget_registry_json() {
    std::string& out = g_registry.json;
    out.assign(1, '[');
    bool first = true;
    for (const Widget& w : g_registry.last) {
        if (w.label.empty()) continue;
        char buf[160];
        std::snprintf(buf, sizeof(buf), "%s{\"id\":%u,\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"disabled\":%s,\"label\":",
                      first ? "" : ",", w.id, static_cast<double>(w.rect.Min.x), static_cast<double>(w.rect.Min.y),
                      static_cast<double>(w.rect.GetWidth()), static_cast<double>(w.rect.GetHeight()),
                      w.disabled ? "true" : "false");
        out += buf;
        append_json_string(out, w.label);
        out += '}';
        first = false;
    }
    out += ']';
    return out;
}


}  // namespace cp::platform

// --- Hooks called by imgui.cpp (IMGUI_ENABLE_TEST_ENGINE) --------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    const bool disabled = item_data != nullptr && (item_data->ItemFlags & ImGuiItemFlags_Disabled) != 0;
    cp::platform::g_registry.building.push_back({id, bb, disabled, {}});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    cp::platform::Widget* w = cp::platform::find(id);
    if (w == nullptr || label == nullptr) return;
    // "label##id" shows only the part before "##".
    const char* end = label;
    while (*end != '\0' && !(end[0] == '#' && end[1] == '#')) ++end;
    w->label.assign(label, static_cast<std::size_t>(end - label));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
