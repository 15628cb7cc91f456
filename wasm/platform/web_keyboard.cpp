#include "web_keyboard.h"

#include <cstring>

namespace cp::platform {
namespace {

struct KeyName {
    const char* code;
    ImGuiKey key;
};

constexpr KeyName kNamedKeys[] = {
    {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},   {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},     {"Delete", ImGuiKey_Delete},       {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},       {"Enter", ImGuiKey_Enter},         {"Escape", ImGuiKey_Escape},
    {"Quote", ImGuiKey_Apostrophe},  {"Comma", ImGuiKey_Comma},         {"Minus", ImGuiKey_Minus},
    {"Period", ImGuiKey_Period},     {"Slash", ImGuiKey_Slash},         {"Semicolon", ImGuiKey_Semicolon},
    {"Equal", ImGuiKey_Equal},       {"BracketLeft", ImGuiKey_LeftBracket}, {"Backslash", ImGuiKey_Backslash},
    {"BracketRight", ImGuiKey_RightBracket}, {"Backquote", ImGuiKey_GraveAccent}, {"CapsLock", ImGuiKey_CapsLock},
    {"ScrollLock", ImGuiKey_ScrollLock}, {"NumLock", ImGuiKey_NumLock}, {"PrintScreen", ImGuiKey_PrintScreen},
    {"Pause", ImGuiKey_Pause},       {"NumpadDecimal", ImGuiKey_KeypadDecimal}, {"NumpadDivide", ImGuiKey_KeypadDivide},
    {"NumpadMultiply", ImGuiKey_KeypadMultiply}, {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"NumpadAdd", ImGuiKey_KeypadAdd}, {"NumpadEnter", ImGuiKey_KeypadEnter}, {"NumpadEqual", ImGuiKey_KeypadEqual},
    {"ShiftLeft", ImGuiKey_LeftShift}, {"ControlLeft", ImGuiKey_LeftCtrl}, {"AltLeft", ImGuiKey_LeftAlt},
    {"MetaLeft", ImGuiKey_LeftSuper}, {"ShiftRight", ImGuiKey_RightShift}, {"ControlRight", ImGuiKey_RightCtrl},
    {"AltRight", ImGuiKey_RightAlt}, {"MetaRight", ImGuiKey_RightSuper}, {"ContextMenu", ImGuiKey_Menu},
};

int to_int(ImGuiKey k) { return static_cast<int>(k); }
ImGuiKey offset(ImGuiKey base, int n) { return static_cast<ImGuiKey>(to_int(base) + n); }

}  // namespace

ImGuiKey imgui_key_from_dom_code(const char* code) {
    if (code == nullptr) return ImGuiKey_None;
    const std::size_t len = std::strlen(code);
    if (len == 4 && std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z')
        return offset(ImGuiKey_A, code[3] - 'A');
    if (len == 6 && std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9')
        return offset(ImGuiKey_0, code[5] - '0');
    if (len == 7 && std::strncmp(code, "Numpad", 6) == 0 && code[6] >= '0' && code[6] <= '9')
        return offset(ImGuiKey_Keypad0, code[6] - '0');
    if ((len == 2 || len == 3) && code[0] == 'F' && code[1] >= '1' && code[1] <= '9') {
        const int n = len == 2 ? code[1] - '0' : (code[1] - '0') * 10 + (code[2] - '0');
        if (n >= 1 && n <= 24) return offset(ImGuiKey_F1, n - 1);
    }
    for (const KeyName& k : kNamedKeys)
        if (std::strcmp(code, k.code) == 0) return k.key;
    return ImGuiKey_None;
}

bool dom_key_default_is_stolen(ImGuiKey key) {
    switch (key) {
        case ImGuiKey_LeftArrow:
        case ImGuiKey_RightArrow:
        case ImGuiKey_UpArrow:
        case ImGuiKey_DownArrow:
        case ImGuiKey_PageUp:
        case ImGuiKey_PageDown:
        case ImGuiKey_Home:
        case ImGuiKey_End:
        case ImGuiKey_Backspace:
        case ImGuiKey_Delete:
        case ImGuiKey_Enter:
        case ImGuiKey_KeypadEnter:
        case ImGuiKey_Escape:
        case ImGuiKey_Space:
            return true;
        default:
            return false;
    }
}

}  // namespace cp::platform
