// certportal platform: browser input -> ImGui. See web_input.h for the feature list.
//
// Index: [SECTION] State, Mouse, Wheel, Keyboard, Touch, Focus, Text and clipboard, Install, After frame
#include "web_input.h"

#include <emscripten/html5.h>

#include <cfloat>
#include <string>
#include <string_view>

#include "browser.h"
#include "fields.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "web_keyboard.h"

namespace cp::platform {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

struct InputState {
    InputCallback on_input = nullptr;
    long touch_id = -1;          // the touch that drives the pointer; other fingers are ignored
    ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;  // last CSS cursor sent
    bool text_agent_active = false;
    std::string clipboard;       // what ImGui copied last, or what the last paste event carried
    ImVec2 ime_pos;              // caret position ImGui reported (CSS pixels)
    float ime_line_height = 0.0f;
};

InputState g_input;

void changed() {
    if (g_input.on_input != nullptr) g_input.on_input();
}

void add_modifiers(ImGuiIO& io, bool ctrl, bool shift, bool alt, bool meta) {
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
}

//-----------------------------------------------------------------------------
// [SECTION] Mouse
//-----------------------------------------------------------------------------

int imgui_button(unsigned short dom_button) {
    // DOM: 0 left, 1 middle, 2 right. ImGui: 0 left, 1 right, 2 middle.
    switch (dom_button) {
        case 0: return 0;
        case 1: return 2;
        case 2: return 1;
        default: return dom_button < ImGuiMouseButton_COUNT ? dom_button : -1;
    }
}

// The canvas fills the viewport at (0, 0), so client coordinates are canvas CSS coordinates.
EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        add_modifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
        const int button = imgui_button(e->button);
        if (button >= 0) io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    changed();
    // Not prevented: the mousedown default moves focus back from the text agent, which we want.
    return EM_FALSE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    changed();
    return EM_FALSE;
}

//-----------------------------------------------------------------------------
// [SECTION] Wheel
//-----------------------------------------------------------------------------

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // ImGui wants "notches"; browsers give pixels (about 100 a notch), lines (3 a notch) or pages.
    double scale = 1.0 / 100.0;
    if (e->deltaMode == DOM_DELTA_LINE) scale = 1.0 / 3.0;
    else if (e->deltaMode == DOM_DELTA_PAGE) scale = 1.0;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale));
    changed();
    return EM_TRUE;  // the page itself must not scroll under the canvas
}

//-----------------------------------------------------------------------------
// [SECTION] Keyboard
//-----------------------------------------------------------------------------

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    // keyCode 229: the key belongs to an IME composition; the text agent handles it.
    if (e->keyCode == 229) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const ImGuiKey key = imgui_key_from_dom_code(e->code);
    // Tab belongs to the page: it moves the focus through the accessibility mirror in drawing
    // order, across all windows and trapped in a modal dialog (inert), and the mirror moves ImGui's
    // focus along (ImGui's own Tab would stay inside one window).
    if (key == ImGuiKey_Tab) return EM_FALSE;
    const bool ctrl_like = e->ctrlKey || e->metaKey;
    // Ctrl+V: let the browser fire its paste event; cp_on_paste then replays Ctrl+V to ImGui.
    if (ctrl_like && key == ImGuiKey_V) return EM_FALSE;
    add_modifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
    changed();
    if (key == ImGuiKey_Space && io.WantTextInput) return EM_FALSE;  // a typed space goes to the text agent
    return dom_key_default_is_stolen(key) ? EM_TRUE : EM_FALSE;
}

//-----------------------------------------------------------------------------
// [SECTION] Touch
//-----------------------------------------------------------------------------

const EmscriptenTouchPoint* tracked_touch(const EmscriptenTouchEvent* e) {
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].isChanged && e->touches[i].identifier == g_input.touch_id) return &e->touches[i];
    return nullptr;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART && g_input.touch_id < 0) {
        for (int i = 0; i < e->numTouches; ++i)
            if (e->touches[i].isChanged) {
                g_input.touch_id = e->touches[i].identifier;
                break;
            }
    }
    const EmscriptenTouchPoint* t = tracked_touch(e);
    if (t == nullptr) return EM_TRUE;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(t->clientX), static_cast<float>(t->clientY));
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        io.AddMouseButtonEvent(0, true);
    } else if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        io.AddMouseButtonEvent(0, false);
        // A lifted finger hovers nothing: without this the last touched button would stay highlighted.
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        g_input.touch_id = -1;
    }
    changed();
    return EM_TRUE;  // no emulated mouse events, no double-tap zoom, no page scroll
}

//-----------------------------------------------------------------------------
// [SECTION] Focus
//-----------------------------------------------------------------------------

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    // ImGui releases every held key and button when focus is lost.
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    changed();
    return EM_FALSE;
}

//-----------------------------------------------------------------------------
// [SECTION] Text and clipboard
//-----------------------------------------------------------------------------

const char* get_clipboard(ImGuiContext*) { return g_input.clipboard.c_str(); }

void set_clipboard(ImGuiContext*, const char* text) {
    g_input.clipboard = text != nullptr ? text : "";
    cp_js_clipboard_write(g_input.clipboard.c_str());
}

void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
    g_input.ime_pos = data->InputPos;
    g_input.ime_line_height = data->InputLineHeight;
}

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_Wait: return "wait";
        case ImGuiMouseCursor_Progress: return "progress";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        case ImGuiMouseCursor_None: return "none";
        default: return "default";
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Install
//-----------------------------------------------------------------------------

void web_input_install(const char* canvas, InputCallback on_input) {
    g_input = InputState{};
    g_input.on_input = on_input;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "certportal_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = get_clipboard;
    pio.Platform_SetClipboardTextFn = set_clipboard;
    pio.Platform_SetImeDataFn = set_ime_data;

    const char* doc = EMSCRIPTEN_EVENT_TARGET_DOCUMENT;
    const char* win = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(doc, nullptr, EM_FALSE, on_mouse);  // drags continue off-canvas
    emscripten_set_mouseup_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, on_mouse_leave);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_keydown_callback(win, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(win, nullptr, EM_FALSE, on_key);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_focus_callback(win, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(win, nullptr, EM_FALSE, on_focus);
}

void web_input_uninstall(const char* canvas) {
    const char* doc = EMSCRIPTEN_EVENT_TARGET_DOCUMENT;
    const char* win = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_mousemove_callback(doc, nullptr, EM_FALSE, nullptr);
    emscripten_set_mouseup_callback(doc, nullptr, EM_FALSE, nullptr);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_keydown_callback(win, nullptr, EM_FALSE, nullptr);
    emscripten_set_keyup_callback(win, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_focus_callback(win, nullptr, EM_FALSE, nullptr);
    emscripten_set_blur_callback(win, nullptr, EM_FALSE, nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = nullptr;
    io.BackendFlags &= ~ImGuiBackendFlags_HasMouseCursors;
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = nullptr;
    pio.Platform_SetClipboardTextFn = nullptr;
    pio.Platform_SetImeDataFn = nullptr;
    g_input = InputState{};
}

//-----------------------------------------------------------------------------
// [SECTION] After frame
//-----------------------------------------------------------------------------

void web_input_after_frame() {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiMouseCursor cursor = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (cursor != g_input.cursor) {
        g_input.cursor = cursor;
        cp_js_set_cursor(css_cursor(cursor));
    }
    // Keep the text agent under the caret so the IME candidate window opens where the person types.
    // A text field being edited now: the active item is the field ImGui keeps text state for.
    // (io.WantTextInput lags a frame behind — what the last frame's fields asked for — so it is
    // still true in the frame after a field was left and false in the frame that activated one.)
    const ImGuiID editing = ImGui::GetActiveID();
    const bool want = editing != 0 && ImGui::GetInputTextState(editing) != nullptr;
    if (want || want != g_input.text_agent_active) {
        cp_js_text_agent_update(want ? 1 : 0, g_input.ime_pos.x, g_input.ime_pos.y, g_input.ime_line_height,
                                want ? editing : 0);
        g_input.text_agent_active = want;
    }
}

}  // namespace cp::platform

//-----------------------------------------------------------------------------
// Exports called from JavaScript
//-----------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE void cp_on_text_input(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    cp::platform::changed();
}

// The paste event carries the clipboard's text and its length in bytes (a NUL inside is seen):
// ImGui reads it back through get_clipboard when it sees the Ctrl+V we replay here (on_key let the
// real Ctrl+V through to the browser for this). The field being edited decides first
// (cp::ui::offer_paste): a PIN or password is typed, never pasted (what is on the clipboard stays
// there, unread by the portal); a paste that does not fit or holds a NUL is refused and the field
// says so.
EMSCRIPTEN_KEEPALIVE void cp_on_paste(const char* utf8, int length) {
    const std::string_view text(utf8 != nullptr ? utf8 : "", utf8 != nullptr && length > 0 ? static_cast<std::size_t>(length) : 0);
    const cp::ui::PasteVerdict verdict = cp::ui::offer_paste(text);
    cp::platform::changed();  // a refusal is drawn under the field
    if (verdict != cp::ui::PasteVerdict::Accept) return;
    cp::platform::g_input.clipboard.assign(text);
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
}

}  // extern "C"
