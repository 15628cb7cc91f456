// certportal ui: the accessibility mirror's tree — what a screen reader, a browser extension or a
// test's getByRole sees of the canvas: one node per widget and per piece of static text of the
// last frame, in submission order (which is the DOM order and the Tab order), grouped into OS
// dialogs (modal), data tables (rows, column headers, cells) and the page.
//
// Built from the widget registry (widget_registry.h) after each frame; mirror_diff.h turns two
// trees into the few DOM writes that make one into the other (web/lib/library_mirror.js applies
// them). Platform-free: tested natively on the real screens (tests/ui/mirror_test.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "widget_registry.h"

namespace cp::ui {

enum class MirrorRole : std::uint8_t {
    Page,          // the container of everything that is not in a dialog
    Dialog,        // an OS dialog: role=dialog aria-modal=true, the rest inert
    Table,         // a data table (one with a headers row): role=table
    Row,
    Cell,
    ColumnHeader,  // a header cell (holds the header's text or button)
    TabList,       // a run of tabs drawn one after the other: role=tablist (a tab needs one)
    Button,
    Checkbox,
    Radio,
    TextField,
    Password,
    Tab,
    Link,
    Heading,
    Text,
    Error,         // text shown as an error: also announced (assertive live region)
    Status,        // progress text: also announced (polite live region)
};
const char* mirror_role_name(MirrorRole role);
bool mirror_role_is_container(MirrorRole role);

// Keys: a widget's ImGui ID; a container's or a text's key is derived from what it is (a table's
// ID and row, a text's words and how many times they occurred before), so that it stays the same
// from frame to frame while the thing stays.
inline constexpr std::uint32_t kMirrorPageKey = 1;

struct MirrorNode {
    std::uint32_t key = 0;
    std::uint32_t parent = 0;  // 0: the root (the page and the dialogs hang there)
    MirrorRole role = MirrorRole::Text;
    std::string name;          // accessible name (a button's label, a field's label, the text)
    std::string value;         // a text field's text
    std::string description;   // why it is disabled
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels (containers: 0)
    bool disabled = false;
    bool checked = false;      // checkbox, radio; a tab: selected
    bool expandable = false;   // opens and closes a section (aria-expanded)
    bool expanded = false;
    int row_index = 0;         // rows: 1-based position in the table
};

std::vector<MirrorNode> build_mirror_tree(const std::vector<WidgetInfo>& widgets, const std::vector<WidgetInfo>& texts,
                                          const std::vector<std::string>& dialogs);

}  // namespace cp::ui
