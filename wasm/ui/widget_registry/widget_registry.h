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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace cp::ui {

// What a widget is, for the accessibility mirror (wasm/ui/accessibility/). ImGui's status flags
// tell checkable and inputable items apart from the rest but not a radio from a checkbox, nor a
// password from a text field: the screens' widget helpers say it (widget_registry_describe_last).
enum class WidgetRole : std::uint8_t {
    Auto,          // from ImGui's flags: checkable → Checkbox, inputable → TextField, else Button
    Button,
    Checkbox,
    Radio,
    TextField,
    Password,      // its value is never reported
    Tab,
    Link,
    ColumnHeader,  // a table's header cell (found by the hook, not said by screens)
    Text,          // an item that is only text to read (labelled_text: card cells)
};

// The role's name as ARIA spells it ("button", "radio", "textbox"; "password" for a password field).
const char* widget_role_name(WidgetRole role);

// What a piece of static text is: headings become headings, errors and progress are announced.
enum class TextKind : std::uint8_t { Plain, Heading, Error, Status };

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

    // For the accessibility mirror.
    WidgetRole role = WidgetRole::Auto;
    TextKind text_kind = TextKind::Plain;  // static text only
    std::uint32_t order = 0;       // submission order, shared by widgets and texts of a frame
    std::uint32_t dialog = 0;      // 1 + index in widget_registry_dialogs(); 0: not in an OS dialog
    ImGuiID table = 0;             // the table the item is in (0: none), its row and column there
    int row = -1;
    int column = -1;
    bool header_row = false;       // in the table's headers row
    bool window = false;           // a window (ImGui reports each one as an item): not a widget
    std::string value;             // a text field's text (never a password's)
    std::string description;       // why a disabled item is disabled (its tooltip)

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
void widget_registry_note_text(std::string_view text, ImVec2 min, ImVec2 max, TextKind kind = TextKind::Plain);

// Says what the item just submitted is (call right after the ImGui widget): its role, and a text
// field's current text (pass nothing for a password: it is never reported).
// A tab says whether it is the selected one.
void widget_registry_describe_last(WidgetRole role, std::string_view value = {}, bool selected = false);
// The item just submitted opens and closes a section (▼ / ▶): aria-expanded.
void widget_registry_describe_last_expander(bool expanded);
// The tooltip of the item just submitted (why it is disabled): its description.
void widget_registry_describe_last_disabled(std::string_view reason);

// OS dialogs (modal to the page): items submitted between these two belong to the dialog.
void widget_registry_begin_dialog(std::string_view title);
void widget_registry_end_dialog();
// The last complete frame's dialog titles, in submission order (the last one is on top).
const std::vector<std::string>& widget_registry_dialogs();

// Asks for keyboard focus on an item of the next frames (the accessibility mirror: a screen
// reader or a click moved the page's focus there): when the item is submitted again, its window
// is focused and the item gets the navigation focus, with the focus ring shown.
void widget_registry_request_focus(ImGuiID id);

}  // namespace cp::ui
