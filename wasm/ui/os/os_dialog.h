// certportal ui: the simulated operating system's dialogs — Windows-looking modal windows over the
// browser (title bar, system text size, buttons on the right), so a person always knows whether
// the bank's page or the PC is asking. While one is open the desk behind it is disabled.
#pragma once

#include "imgui.h"

namespace cp::ui {

// Opens the dialog window for this frame (centred, focused, width clamped to the screen). Always
// pair with end_os_dialog().
void begin_os_dialog(const char* title, float width);
void end_os_dialog();
// A window of the simulated PC with the same look that is not modal (an application's window:
// the acquisition app). Position it first (SetNextWindowPos); `open` gets the title bar's ×.
bool begin_os_window(const char* name, bool* open);
void end_os_window();
// A Windows-style push button; `primary` is the default button (accent border).
bool os_button(const char* label, bool primary = false, float width = 96.0f);
// Moves the cursor so that `count` buttons of `width` end at the dialog's right edge.
void os_buttons_right(int count, float width = 96.0f);
// SameLine when an item `width` wide still fits on this line of the dialog, else a new line: a row
// of buttons or tabs wraps on a narrow screen (a phone) instead of running off the dialog's edge.
void os_same_line_if_fits(float width);
// System-sized text.
void os_text(const char* text);
void os_text_wrapped(const char* text);
// A key pressed while the dialog has focus and no text field is being edited (Enter: the default
// button, Escape: cancel, as Windows does). Enter only when no button has the keyboard focus: then
// Enter is that button's (ImGui's navigation activates it).
bool os_dialog_key(ImGuiKey key);

}  // namespace cp::ui
