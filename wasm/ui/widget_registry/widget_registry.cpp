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
    std::vector<std::string> building_dialogs;
    std::vector<std::string> last_dialogs;
    std::uint32_t current_dialog = 0;        // 1 + index in building_dialogs while one is open
    std::uint32_t next_order = 0;
    ImGuiID focus_request = 0;
    bool collecting = false;
};

Registry g_registry;

const char* json_bool(bool b) { return b ? "true" : "false"; }

}  // namespace

const char* widget_role_name(WidgetRole role) {
    switch (role) {
        case WidgetRole::Auto: return "auto";
        case WidgetRole::Button: return "button";
        case WidgetRole::Checkbox: return "checkbox";
        case WidgetRole::Radio: return "radio";
        case WidgetRole::TextField: return "textbox";
        case WidgetRole::Password: return "password";
        case WidgetRole::Tab: return "tab";
        case WidgetRole::Link: return "link";
        case WidgetRole::ColumnHeader: return "columnheader";
        case WidgetRole::Text: return "text";
    }
    return "button";
}

namespace {

WidgetInfo* find_building(ImGuiID id) {
    for (auto it = g_registry.building.rbegin(); it != g_registry.building.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

// Where a table cell item sits (the mirror makes rows and cells of data tables from this).
void note_table_context(WidgetInfo& w, const ImGuiContext* ctx) {
    const ImGuiTable* table = ctx != nullptr ? ctx->CurrentTable : nullptr;
    if (table == nullptr || !table->IsInsideRow) return;
    w.table = table->ID;
    w.row = table->CurrentRow;
    w.column = table->CurrentColumn;
    w.header_row = (table->RowFlags & ImGuiTableRowFlags_Headers) != 0;
}

WidgetRole role_from_flags(const WidgetInfo& w) {
    if (w.checkable) return WidgetRole::Checkbox;
    if (w.inputable) return WidgetRole::TextField;
    return WidgetRole::Button;
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
    g_registry.building_dialogs.clear();
    g_registry.current_dialog = 0;
    g_registry.next_order = 0;
    g_registry.collecting = true;
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void widget_registry_end_frame() {
    g_registry.collecting = false;
    g_registry.last.clear();
    // ImGui begins an implicit "Debug##Default" window every frame and hides it when nothing was
    // drawn into it: it is never on screen, so it is not reported.
    static const ImGuiID implicit_debug_window = ImHashStr("Debug##Default");
    for (WidgetInfo& w : g_registry.building) {
        if (w.label.empty() || w.id == implicit_debug_window) continue;
        if (w.role == WidgetRole::Auto) w.role = w.header_row ? WidgetRole::ColumnHeader : role_from_flags(w);
        g_registry.last.push_back(std::move(w));
    }
    g_registry.last_dialogs.swap(g_registry.building_dialogs);
    g_registry.last_texts.swap(g_registry.building_texts);
    g_registry.building.clear();
    g_registry.building_texts.clear();
}

const std::vector<WidgetInfo>& widget_registry_widgets() { return g_registry.last; }
const std::vector<WidgetInfo>& widget_registry_texts() { return g_registry.last_texts; }
const std::vector<std::string>& widget_registry_dialogs() { return g_registry.last_dialogs; }
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
                          "\"id\":%u,\"role\":\"%s\",\"disabled\":%s,\"checkable\":%s,\"checked\":%s,\"openable\":%s,\"opened\":%s,\"inputable\":%s,",
                          w.id, widget_role_name(w.role), json_bool(w.disabled), json_bool(w.checkable), json_bool(w.checked), json_bool(w.openable),
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

void widget_registry_note_text(std::string_view text, ImVec2 min, ImVec2 max, TextKind kind) {
    if (!g_registry.collecting || text.empty()) return;
    WidgetInfo w;
    w.label.assign(text);
    w.min = min;
    w.max = max;
    w.text_kind = kind;
    w.order = g_registry.next_order++;
    w.dialog = g_registry.current_dialog;
    note_table_context(w, GImGui);
    g_registry.building_texts.push_back(std::move(w));
}

void widget_registry_describe_last(WidgetRole role, std::string_view value, bool selected) {
    if (!g_registry.collecting) return;
    WidgetInfo* w = find_building(ImGui::GetItemID());
    if (w == nullptr) return;  // clipped: not reported this frame
    w->role = role;
    if (role == WidgetRole::Tab) w->checked = selected;
    if (role == WidgetRole::Password) w->value.clear();
    else w->value.assign(value);
}

void widget_registry_describe_last_expander(bool expanded) {
    if (!g_registry.collecting) return;
    if (WidgetInfo* w = find_building(ImGui::GetItemID())) {
        w->openable = true;
        w->opened = expanded;
    }
}

void widget_registry_describe_last_disabled(std::string_view reason) {
    if (!g_registry.collecting) return;
    if (WidgetInfo* w = find_building(ImGui::GetItemID())) w->description.assign(reason);
}

void widget_registry_begin_dialog(std::string_view title) {
    if (!g_registry.collecting) return;
    g_registry.building_dialogs.emplace_back(title);
    g_registry.current_dialog = static_cast<std::uint32_t>(g_registry.building_dialogs.size());
}

void widget_registry_end_dialog() { g_registry.current_dialog = 0; }

void widget_registry_request_focus(ImGuiID id) { g_registry.focus_request = id; }

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
    w.window = item_data == nullptr;  // Begin() reports the window itself without item data
    w.order = cp::ui::g_registry.next_order++;
    w.dialog = cp::ui::g_registry.current_dialog;
    cp::ui::note_table_context(w, ctx);
    cp::ui::g_registry.building.push_back(std::move(w));
    // The mirror asked for focus here: give it now, inside the item's window and focus scope,
    // which is what SetFocusID expects. Not FocusItem(): that is SetKeyboardFocusHere's tabbing
    // request, which activates what it lands on (a menu button would open its popup).
    if (id != 0 && id == cp::ui::g_registry.focus_request && ctx != nullptr && ctx->CurrentWindow != nullptr) {
        cp::ui::g_registry.focus_request = 0;
        ImGui::FocusWindow(ctx->CurrentWindow);
        ImGui::SetFocusID(id, ctx->CurrentWindow);
        ctx->NavCursorVisible = true;          // a keyboard or screen-reader focus shows the ring
        ctx->NavHighlightItemUnderNav = true;
    }
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
