// certportal ui: small widgets shared by the screens, on top of Dear ImGui.
#pragma once

#include <string>

#include "imgui.h"
#include "text/catalogue.h"
#include "widget_registry.h"

namespace cp::ui {

// A full-width button, `height` tall (the frame height at least). When `available` is false the
// button is drawn disabled and hovering it explains why (tooltip) — an entry point whose screen
// does not exist yet never does nothing.
bool wide_button(const char* label, float height, bool available, const char* unavailable_reason);

// The tooltip of the item just submitted (shown on hover, disabled or not), also its description
// for the accessibility mirror: why a disabled button cannot be used yet.
void item_tooltip(const char* text);

// A button in the brand colour with white text (ImGui's default text colour is for the page).
bool button(const char* label);

// A white card with a border and inner padding; returns like BeginChild (always call end_card).
void begin_card(const char* id, ImVec2 size);
void end_card();

// Text in a given size and colour (sizes in CSS pixels, before DPI scaling), reported to the widget
// registry as static text (a wrapped paragraph as one rectangle).
// `kind` tells the accessibility mirror what the text is (a heading, an error to announce).
void text_sized(const char* text, float size, ImU32 color, TextKind kind = TextKind::Plain);
void text_wrapped_sized(const char* text, float size, ImU32 color, TextKind kind = TextKind::Plain);
// The least width text_wrapped_sized needs to break `text` at `size` between words only: its
// widest word (core/text/line_break.h, widest_unbreakable). For columns sized from their text.
float wrapped_text_min_width(const char* text, float size);
// The same in bold (the seed's bold warnings).
void text_wrapped_bold(const char* text, float size, ImU32 color);
// A table cell's text (body size), reported like text_sized.
void cell_text(const char* text);
// A row of a two-column key | value table (detail size, the key muted). `wrap`: both wrap in
// their column (a table of stretched columns); otherwise each takes its text's width, the value
// reported under its own words (labelled_text) for the tools to read.
void key_value_row(const char* key, const std::string& value, bool wrap);
void cell_text(const char* text, ImU32 color);  // an error, in color::kError for instance

}  // namespace cp::ui

namespace cp::ui {

// Text that tools can find: drawn like text_sized, and also reported to the widget registry under
// its own words (Dear ImGui's test-engine hooks only see items with an ID; plain Text has none).
// Not a navigation stop. For values a person reads and a test must read too (card cells).
void labelled_text(const char* text, float size, ImU32 color);
// ImGui::RadioButton that also tells the widget registry it is a radio and whether it is on
// (ImGui reports a radio like a plain button).
bool radio_button(const char* label, bool active);
// An entry of a drop-down menu (a touch target's height under touch targets). To the mirror, a
// button (ImGui reports a MenuItem as checkable, which would make it a checkbox).
bool menu_item(const char* label);
// ImGui::BeginPopup for a drop-down menu, with room around its entries (the theme's windows have
// no padding): the entries' full height stays inside the popup, where it can be touched.
bool begin_menu_popup(const char* id);

// Touch targets (kiosk mode, or a finger for a pointer): draw_portal turns them on or off at the
// start of each frame. While on, every frame the UI draws is at least size::kKioskTarget tall
// (WCAG 2.5.5): screens and widgets that set a smaller frame padding of their own pass it through
// frame_padding(), and list rows take selectable_height().
void set_touch_targets(bool on);
bool touch_targets();
// `padding` with its y raised, under touch targets, so that a frame is size::kKioskTarget tall.
ImVec2 frame_padding(ImVec2 padding);
// The height to give a Selectable (a list row, a menu entry): a touch target's under touch
// targets, 0 (the text's own height) otherwise.
float selectable_height();
// A link whose words wrap as a paragraph does (Japanese line breaking); one item for the whole of
// it (a link to the mirror). Disabled: drawn in `color` all the same (the caller passes the
// disabled colour) and hovering it says `disabled_reason`. Returns true when clicked.
bool link_wrapped(const char* label, float size, ImU32 color, bool enabled, const char* disabled_reason);
// A full-width button whose label wraps (Japanese line breaking) instead of being cut: long
// seed labels such as 「+ 変更・登録抹消・各種設定・利用者ワンタイムパスワード」 on a phone.
bool wrapping_button(const char* label, ImU32 background, ImU32 text_color);
// Names the current window's title-bar close button (×) for the widget registry, as a screen
// reader would announce it; call right after Begin(). ImGui gives that button no label.
void name_close_button(const char* name);
// ImGui::Checkbox at the portal's size (the theme's frame padding is for buttons and fields).
bool checkbox(const char* label, bool* value);
// 「コピー」 after a value a person may need elsewhere (an ID, a serial, a fingerprint): puts `value`
// on the clipboard and shows 「コピーしました」 (announced politely) while the pointer or the
// keyboard's focus stays on it. `what` names the value in its tooltip (also the mirror's
// description); the value is its ID. Never for a PIN or a password: those never reach the clipboard.
bool copy_button(const char* what, const std::string& value, Language language);

}  // namespace cp::ui
