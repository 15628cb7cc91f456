// certportal platform: a registry of the widgets of the last frame (label, rectangle, state).
//
// Built on Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): imgui.cpp reports every item
// it adds, so nothing in the screens has to cooperate. Browser tests find "利用者ログイン" by its
// label instead of by pixel coordinates; an accessibility mirror can be built on the same data.
#pragma once

#include <string>

namespace cp::platform {

// Called at the start of each frame: the registry then fills with that frame's items.
void widget_registry_begin_frame();
// The last complete frame's widgets as a JSON array:
// [{"id":123,"label":"利用者ログイン","x":..,"y":..,"w":..,"h":..,"disabled":false}, ...]
const std::string& widget_registry_json();

}  // namespace cp::platform
