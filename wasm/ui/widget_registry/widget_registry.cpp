#include "widget_registry.h"

#include <cstdio>

#include "imgui_internal.h"
#include "json/json_string.h"

namespace cp::ui {
namespace {

struct Registry {
    std::vector<WidgetInfo> building;        // items of the frame in progress (unlabelled too)
    std::vector<WidgetInfo> building_texts;  // static text of the frame in progress
    std::vector<WidgetInfo> last;            // labelled items of the last complete frame
    std::vector<WidgetInfo> last_texts;
    std::string json;                        // made from `last` on request (only tests and tools ask)
    std::string texts_json;                  // made from `last_texts` on request
    bool collecting = false;
};

Registry g_registry;

const char* json_bool(bool b) { return b ? "true" : "false"; }

WidgetInfo* find_building(ImGuiID id) {
    for (auto it = g_registry.building.rbegin(); it != g_registry.building.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

const WidgetInfo* find_in(const std::vector<WidgetInfo>& list, std::string_view label) {
    for (const WidgetInfo& w : list)
        if (w.label == label) return &w;
    return nullptr;
}

}  // namespace

void widget_registry_begin_frame() {
    g_registry.building.clear();
    g_registry.building_texts.clear();
    g_registry.collecting = true;
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void widget_registry_end_frame() {
    g_registry.collecting = false;
    g_registry.last.clear();
    // ImGui begins an implicit "Debug##Default" window every frame and hides it when nothing was
    // drawn into it: it is never on screen, so it is not reported.
    static const ImGuiID implicit_debug_window = ImHashStr("Debug##Default");
    for (WidgetInfo& w : g_registry.building)
        if (!w.label.empty() && w.id != implicit_debug_window) g_registry.last.push_back(std::move(w));
    g_registry.last_texts.swap(g_registry.building_texts);
    g_registry.building.clear();
    g_registry.building_texts.clear();
}

const std::vector<WidgetInfo>& widget_registry_widgets() { return g_registry.last; }
const std::vector<WidgetInfo>& widget_registry_texts() { return g_registry.last_texts; }
const WidgetInfo* widget_registry_find(std::string_view label) { return find_in(g_registry.last, label); }
const WidgetInfo* widget_registry_find_text(std::string_view label) { return find_in(g_registry.last_texts, label); }

// One JSON array writer for both lists; static text has no ID and no state flags.
static const std::string& write_json(std::string& out, const std::vector<WidgetInfo>& list, bool with_state) {
    out.assign(1, '[');
    for (const WidgetInfo& w : list) {
        char buf[320];
        int n = std::snprintf(buf, sizeof(buf), "%s{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,", out.size() > 1 ? "," : "",
                              static_cast<double>(w.min.x), static_cast<double>(w.min.y), static_cast<double>(w.width()),
                              static_cast<double>(w.height()));
        if (with_state && n > 0 && static_cast<std::size_t>(n) < sizeof(buf))
            std::snprintf(buf + n, sizeof(buf) - static_cast<std::size_t>(n),
                          "\"id\":%u,\"disabled\":%s,\"checkable\":%s,\"checked\":%s,\"openable\":%s,\"opened\":%s,\"inputable\":%s,",
                          w.id, json_bool(w.disabled), json_bool(w.checkable), json_bool(w.checked), json_bool(w.openable),
                          json_bool(w.opened), json_bool(w.inputable));
        out += buf;
        out += "\"label\":";
        append_json_string(out, w.label);
        out += '}';
    }
    out += ']';
    return out;
}

const std::string& widget_registry_texts_json() { return write_json(g_registry.texts_json, g_registry.last_texts, false); }
const std::string& widget_registry_json() { return write_json(g_registry.json, g_registry.last, true); }

void widget_registry_note_text(std::string_view text, ImVec2 min, ImVec2 max) {
    if (!g_registry.collecting || text.empty()) return;
    WidgetInfo w;
    w.label.assign(text);
    w.min = min;
    w.max = max;
    g_registry.building_texts.push_back(std::move(w));
}

}  // namespace cp::ui

// --- Hooks called by imgui.cpp (IMGUI_ENABLE_TEST_ENGINE) --------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    cp::ui::WidgetInfo w;
    w.id = id;
    // The part a person can see and point at: an item half scrolled out of its window is reported
    // by its visible part (a click at the full rectangle's centre could land outside the window).
    ImRect visible = bb;
    if (ctx != nullptr && ctx->CurrentWindow != nullptr) visible.ClipWithFull(ctx->CurrentWindow->ClipRect);
    w.min = visible.Min;
    w.max = visible.Max;
    w.disabled = item_data != nullptr && (item_data->ItemFlags & ImGuiItemFlags_Disabled) != 0;
    cp::ui::g_registry.building.push_back(std::move(w));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    cp::ui::WidgetInfo* w = cp::ui::find_building(id);
    if (w == nullptr || label == nullptr) return;
    // "label##id" shows only the part before "##". A widget whose visible label is elsewhere (a
    // field with its label above it, a radio in a grid row) is written "##name": then the name is
    // what it is called, as a screen reader would announce it.
    if (label[0] == '#' && label[1] == '#') label += 2;
    const char* end = label;
    while (*end != '\0' && !(end[0] == '#' && end[1] == '#')) ++end;
    w->label.assign(label, static_cast<std::size_t>(end - label));
    w->checkable = (flags & ImGuiItemStatusFlags_Checkable) != 0;
    w->checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    w->openable = (flags & ImGuiItemStatusFlags_Openable) != 0;
    w->opened = (flags & ImGuiItemStatusFlags_Opened) != 0;
    w->inputable = (flags & ImGuiItemStatusFlags_Inputable) != 0;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
