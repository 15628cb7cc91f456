// certportal platform: browser input events (Emscripten html5.h) -> Dear ImGui's input queue.
//
// Implemented features
//   [X] Mouse buttons, position, wheel (pixel/line/page deltas); drags continue outside the canvas
//   [X] Keyboard by physical key with modifiers; the browser's own key repeats keep frames coming
//   [X] Text through the text agent (hidden <input>: IME composition, mobile keyboards)
//   [X] Touch: a touch is a touch (ImGuiMouseSource_TouchScreen, no hover left behind), no page zoom
//   [X] Focus / blur of the window (released keys are not left stuck)
//   [X] Clipboard: copy through navigator.clipboard, paste through the DOM paste event
//   [X] Mouse cursor shapes
//
// Every callback calls on_input (the runner's "something changed, draw") after queueing the event.
#pragma once

namespace cp::platform {

using InputCallback = void (*)();

// Registers every listener; install/uninstall mirror each other.
void web_input_install(const char* canvas_selector, InputCallback on_input);
void web_input_uninstall(const char* canvas_selector);

// After each frame: shows the text agent where ImGui wants text, updates the CSS cursor.
void web_input_after_frame();

}  // namespace cp::platform
