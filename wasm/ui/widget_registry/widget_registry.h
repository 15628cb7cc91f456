// certportal ui: a registry of the widgets of the last frame (label, rectangle, state).
//
// Built on Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): imgui.cpp reports every item
// it adds, so nothing in the screens has to cooperate. Browser tests find "利用者ログイン" by its
// label instead of by pixel coordinates (wasm/platform/main.cpp exports the JSON), the native UI
// tests (tests/ui) query it in C++, and an accessibility mirror can be built on the same data.
//
// Static text is not an item for ImGui (it has no ID): the screens' text helpers (widgets.h) and
// the simulator marker report it through widget_registry_note_text(), into a separate list, so a
// heading "利用者ログイン" is never mistaken for the button of the same label.
//
// This library is linked by whatever links imgui (cmake/ThirdParty.cmake): imgui.cpp calls its hooks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace cp::ui {

struct WidgetInfo {
    ImGuiID id = 0;     // 0 for static text
    std::string label;  // ImGui's label without its "##id" part
    ImVec2 min;         // screen rectangle, in CSS pixels
    ImVec2 max;
    bool disabled = false;
    // From ImGui's item status flags (ImGuiItemStatusFlags_*).
    bool checkable = false;  // checkbox, radio, menu item
    bool checked = false;
    bool openable = false;   // tree node, collapsing header
    bool opened = false;
    bool inputable = false;  // text field, slider, drag

    ImVec2 center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    bool overlaps(const WidgetInfo& o) const { return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y; }
};

// Called at the start of each frame, before ImGui::NewFrame(): the registry then collects that
// frame's items.
void widget_registry_begin_frame();
// Called after ImGui::Render(): the frame's items become the "last frame" that queries see.
void widget_registry_end_frame();

// The last complete frame's labelled widgets, in submission order.
const std::vector<WidgetInfo>& widget_registry_widgets();
// The last complete frame's static text (see above), in submission order.
const std::vector<WidgetInfo>& widget_registry_texts();
// First widget (or text) with exactly this label in the last complete frame; nullptr if none.
const WidgetInfo* widget_registry_find(std::string_view label);
const WidgetInfo* widget_registry_find_text(std::string_view label);

// The last complete frame's widgets (not the static text) as a JSON array:
// [{"id":123,"x":..,"y":..,"w":..,"h":..,"disabled":false,"checkable":false,"checked":false,
//   "openable":false,"opened":false,"inputable":false,"label":"利用者ログイン"}, ...]
const std::string& widget_registry_json();
// The last complete frame's static text as a JSON array: [{"x":..,"y":..,"w":..,"h":..,"label":"..."}, ...]
const std::string& widget_registry_texts_json();

// Reports static text drawn in the current frame (no-op while the registry is not collecting).
void widget_registry_note_text(std::string_view text, ImVec2 min, ImVec2 max);

}  // namespace cp::ui
