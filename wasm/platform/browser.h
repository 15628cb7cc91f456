// certportal platform: the JavaScript side of the platform layer (web/lib/library_certportal.js).
//
// Each function here is implemented in JavaScript and linked with --js-library. Events flow the
// other way through the cp_on_* exports declared at the bottom (called from JavaScript).
#pragma once

#include <cstdint>

extern "C" {

// Starts observing the canvas size (ResizeObserver, device-pixel-content-box when the browser has it,
// and devicePixelRatio changes). Calls cp_on_canvas_resize at once and on every change; the JS side
// sets canvas.width/height to the device-pixel size before calling.
void cp_js_observe_canvas(void);
void cp_js_unobserve_canvas(void);

// Whether the device's primary pointer is a finger (CSS `pointer: coarse`): calls
// cp_on_pointer_kind at once and whenever that changes (a tablet's keyboard cover attached).
void cp_js_observe_pointer_kind(void);

// Text agent: the <input> that receives typed text and IME composition (egui's approach): the
// mirror's own <input> of the field being edited, or a hidden one at the caret. active: ImGui wants
// text; x, y, h: caret rectangle in CSS pixels (where the IME window goes); field_id: the ImGui ID
// of the field being edited.
void cp_js_text_agent_update(int active, float x, float y, float h, unsigned field_id);

// The accessibility mirror (web/lib/library_mirror.js; wasm/platform/web_mirror.h): the DOM layer
// and its live regions; a patch (wasm/ui/accessibility/mirror_diff.h); ImGui's focus, which the
// DOM focus follows.
void cp_js_mirror_install(void);
void cp_js_mirror_uninstall(void);
void cp_js_mirror_apply(const char* patch_json);
void cp_js_mirror_focus(unsigned id);

// Clipboard: writes through navigator.clipboard (asynchronous, best effort).
void cp_js_clipboard_write(const char* utf8);

// Sets the canvas' CSS cursor ("default", "text", "pointer", ...).
void cp_js_set_cursor(const char* css_cursor);

// Document language (<html lang>) and title, so screen readers and tab titles follow the UI;
// remember != 0 also keeps the language as the person's choice for the next visit.
void cp_js_set_document_language(const char* tag, const char* title, int remember);

// Asks the page to fetch the large text font (JIS level 1 + 2); it arrives via cp_on_font_loaded(kind 1).
void cp_js_request_text_font(void);

// Shows a start-up or fatal error in place of the canvas (never a blank canvas).
void cp_js_show_fatal_error(const char* utf8_message);

// Tells the page the first frame was drawn (hides the loading indicator, records timing).
void cp_js_first_frame_drawn(void);

// Files: a download of `size` bytes (copied before returning), and the browser's file picker,
// whose chosen file arrives through cp_on_file_picked.
void cp_js_download(const std::uint8_t* data, int size, const char* filename, const char* mime);
void cp_js_pick_file(void);

// --- Called from JavaScript (exported) ----------------------------------------
void cp_on_canvas_resize(float css_width, float css_height, float device_pixel_ratio);
void cp_on_pointer_kind(int coarse);
void cp_on_text_input(const char* utf8);
void cp_on_paste(const char* utf8, int length);  // length in bytes: the text may hold a NUL
void cp_on_font_loaded(int kind, std::uint8_t* data, int size);  // takes ownership (malloc'd)
void cp_request_frame(void);
void cp_on_mirror_activate(unsigned id);
void cp_on_mirror_focus(unsigned id, int text_field);
void cp_on_file_picked(std::uint8_t* data, int size);  // takes ownership (malloc'd)

}  // extern "C"
