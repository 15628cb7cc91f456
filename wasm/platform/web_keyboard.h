// certportal platform: DOM KeyboardEvent.code -> ImGuiKey.
#pragma once

#include "imgui.h"

namespace cp::platform {

// Maps a physical key code ("KeyA", "ArrowLeft", "Numpad1") to ImGuiKey; ImGuiKey_None if unknown.
// ImGui's shortcuts (Ctrl+A, Ctrl+Z) are defined by physical key here, like the GLFW backend on
// QWERTY; typed characters come separately as text, so non-QWERTY layouts still type correctly.
ImGuiKey imgui_key_from_dom_code(const char* code);

// True for keys whose browser default must be suppressed while the portal has focus: they would
// otherwise move focus (Tab), scroll the page (arrows, Space, PageUp/Down) or navigate back.
// Everything else (F5, Ctrl+R, Ctrl+C/V/X, typing) keeps its browser behaviour.
bool dom_key_default_is_stolen(ImGuiKey key);

}  // namespace cp::platform
