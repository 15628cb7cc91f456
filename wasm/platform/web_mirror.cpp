// certportal platform: the accessibility mirror in the page. See web_mirror.h.
#include "web_mirror.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <string>

#include "browser.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "mirror_diff.h"
#include "mirror_tree.h"
#include "runner.h"
#include "widget_registry.h"

namespace cp::platform {
namespace {

constexpr std::uint32_t kTimeRing = 256;

struct Mirror {
    ui::MirrorDiff diff;
    ImGuiID focus_sent = 0;   // ImGui's focus as the DOM was last told
    float ms[kTimeRing] = {};
    std::uint32_t samples = 0;
    std::string times_json;
};

Mirror g_mirror;

}  // namespace

void web_mirror_install() {
    g_mirror.diff.reset();
    g_mirror.focus_sent = 0;
    cp_js_mirror_install();
}

void web_mirror_uninstall() { cp_js_mirror_uninstall(); }

void web_mirror_after_frame(bool drawn) {
    bool changed = false;
    if (drawn) {
        const double started = emscripten_get_now();
        const std::vector<ui::MirrorNode> tree =
            ui::build_mirror_tree(ui::widget_registry_widgets(), ui::widget_registry_texts(), ui::widget_registry_dialogs());
        const std::string& patch = g_mirror.diff.update(tree);
        changed = !patch.empty();
        if (changed) cp_js_mirror_apply(patch.c_str());
        g_mirror.ms[g_mirror.samples++ % kTimeRing] = static_cast<float>(emscripten_get_now() - started);
    }
    // ImGui's focus moved (Tab, a dialog opened): the DOM focus follows. After a patch too: the
    // focused widget's element may have just been made.
    const ImGuiID nav = GImGui->NavId;
    if (nav != 0 && (nav != g_mirror.focus_sent || changed)) cp_js_mirror_focus(nav);
    g_mirror.focus_sent = nav;
}

unsigned web_mirror_samples() { return g_mirror.samples; }

const char* web_mirror_times_json() {
    ring_times_json(g_mirror.times_json, g_mirror.ms, kTimeRing, g_mirror.samples);
    return g_mirror.times_json.c_str();
}

}  // namespace cp::platform

extern "C" {

// A click on a mirror element that no pointer caused (a screen reader's): ImGui activates the
// widget on the next frame, once.
EMSCRIPTEN_KEEPALIVE void cp_on_mirror_activate(unsigned id) {
    ImGui::ActivateItemByID(id);
    cp::platform::runner_request_frame();
}

// The page's focus moved to a mirror element without the portal asking (a screen reader, Tab from
// outside, a test's focus()): ImGui's focus goes there too. A text field is made editable at once,
// so what is typed next goes into it.
//
// Frames are built at once, not at the next animation frame: a test's fill() or a fast typist puts
// text into the field right after focusing it, and the next field right after that. Text already
// typed into the field being left is taken in first; then the new field is active before the
// browser delivers what is typed into it.
EMSCRIPTEN_KEEPALIVE void cp_on_mirror_focus(unsigned id, int text_field) {
    // Input already given is handled first, all of it (ImGui takes a press and its release in
    // separate frames): a click just made completes, text typed lands where it was typed.
    for (int i = 0; i < 8 && !ImGui::GetCurrentContext()->InputEventsQueue.empty(); ++i) cp::platform::runner_build_frame_now();
    // Leaving a field being edited (Tab out of it): ImGui stops editing it, as its own Tab would.
    const ImGuiID editing = ImGui::GetActiveID();
    if (editing != 0 && editing != id && ImGui::GetInputTextState(editing) != nullptr) ImGui::ClearActiveID();
    // A field already being edited is left as it is (activating it again would select or leave it).
    if (text_field != 0 && ImGui::GetActiveID() != id) ImGui::ActivateItemByID(id);
    else if (text_field == 0) cp::ui::widget_registry_request_focus(id);
    cp::platform::g_mirror.focus_sent = id;  // ImGui's focus follows the DOM's: nothing to send back
    cp::platform::runner_build_frame_now();
}

EMSCRIPTEN_KEEPALIVE const char* cp_debug_mirror_times_json(void) { return cp::platform::web_mirror_times_json(); }
EMSCRIPTEN_KEEPALIVE unsigned cp_debug_mirror_samples(void) { return cp::platform::web_mirror_samples(); }

}  // extern "C"
