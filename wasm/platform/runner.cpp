// certportal platform: the frame runner (render on demand). See runner.h.
#include "runner.h"

#include <emscripten/html5.h>

#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"
#include "renderer_webgl2.h"
#include "web_input.h"
#include "web_mirror.h"
#include "widget_registry.h"

namespace cp::platform {
namespace {

// A frame whose output still differs from the previous one is followed by another; this bounds
// that chain so a UI that changes every frame (a bug) cannot pin a core forever.
constexpr int kMaxSettleFrames = 120;
// Caret blink: ImGui shows the caret for 0.8 s of every 1.2 s; frames at 0.4 s steps honour that.
constexpr double kCaretBlinkStep = 0.4;
// After the pointer rests, one frame when ImGui's normal hover delay (0.40 s) has passed.
constexpr double kHoverDelayFrame = 0.45;
// Builds allowed before the first frame is drawn, for its layout to settle (see on_animation_frame).
constexpr int kFirstFrameExtraBuilds = 4;
// Delta time used for the first frame after idling, so a long sleep does not look like a long hover.
constexpr float kWakeDeltaTime = 1.0f / 60.0f;

struct Timer {
    long id = 0;        // pending emscripten timeout, 0 if none
    double due = 0.0;   // seconds
};

struct Runner {
    RunnerHooks hooks;
    RunnerStats stats;
    bool frame_in_flight = false;
    bool building = false;            // inside on_animation_frame
    bool woke_by_timer = false;
    bool force_draw = true;
    bool stopped = false;             // the renderer cannot draw here: no more frames
    bool mirror_owed = false;         // the first frame drawn: the mirror follows on the next
    double last_time = 0.0;           // seconds, of the last frame built
    bool idle = true;                 // no frame since the loop last went to sleep
    int settle_chain = 0;
    int frames_owed = 0;              // frames promised regardless of output (see on_timer)
    std::uint64_t last_hash = 0;
    Timer wake_timer;                 // caret blink while a text field is active
    Timer hover_timer;                // re-armed by every input: fires once the pointer has rested
    Timer app_timer;                  // the app shows time passing (a countdown): one frame when due
};

Runner g_run;

double now_seconds() { return emscripten_get_now() / 1000.0; }

// FNV-1a over everything that decides the pixels: geometry, clip rectangles, textures, size.
std::uint64_t hash_bytes(std::uint64_t h, const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

std::uint64_t hash_draw_data(const ImDrawData* dd) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    h = hash_bytes(h, &dd->DisplaySize, sizeof(dd->DisplaySize));
    h = hash_bytes(h, &dd->FramebufferScale, sizeof(dd->FramebufferScale));
    for (const ImDrawList* list : dd->CmdLists) {
        h = hash_bytes(h, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        h = hash_bytes(h, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            const ImTextureID tex = cmd.GetTexID();
            h = hash_bytes(h, &cmd.ClipRect, sizeof(cmd.ClipRect));
            h = hash_bytes(h, &tex, sizeof(tex));
            h = hash_bytes(h, &cmd.ElemCount, sizeof(cmd.ElemCount));
            h = hash_bytes(h, &cmd.IdxOffset, sizeof(cmd.IdxOffset));
        }
    }
    return h;
}

// ImGui hides a window that just appeared (a tooltip, an auto-sized popup) for a frame while it
// measures its contents: nothing new is drawn yet, but the next frame will differ. A child window
// scrolled wholly out of its parent is hidden too, every frame, for good: that one is not
// appearing (counting it kept a page with a card below the fold drawing 60 frames a second for
// 2 s after every wake-up, a caret's blink included).
bool windows_still_appearing() {
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        const ImRect& r = w->OuterRectClipped;
        const bool clipped_child = (w->Flags & ImGuiWindowFlags_ChildWindow) != 0 && (r.Min.x >= r.Max.x || r.Min.y >= r.Max.y);
        if (w->Active && w->Hidden && !clipped_child) return true;
    }
    return false;
}

bool textures_pending(const ImDrawData* dd) {
    if (dd->Textures == nullptr) return false;
    for (const ImTextureData* tex : *dd->Textures)
        if (tex->Status != ImTextureStatus_OK) return true;
    return false;
}

void on_timer(void* timer);

// earliest_wins: keep an earlier pending deadline (wake-ups); otherwise the new deadline replaces
// the pending one (debounce: "this long after the last input").
void arm(Timer& timer, double seconds_from_now, bool earliest_wins, void (*fire)(void*) = on_timer) {
    const double due = now_seconds() + seconds_from_now;
    if (timer.id != 0) {
        if (earliest_wins && timer.due <= due) return;
        emscripten_clear_timeout(timer.id);
    }
    timer.due = due;
    timer.id = emscripten_set_timeout(fire, seconds_from_now * 1000.0, &timer);
}

EM_BOOL on_animation_frame(double, void*);

// One pass of the UI: NewFrame, the app's frame, Render. True when the app's state changed.
bool build_frame() {
    ui::widget_registry_begin_frame();
    ImGui::NewFrame();
    const bool state_changed = g_run.hooks.build_frame(g_run.hooks.user);
    ImGui::Render();
    ui::widget_registry_end_frame();
    ++g_run.stats.frames_built;
    return state_changed;
}

void request_animation_frame() {
    if (g_run.frame_in_flight || g_run.stopped) return;
    g_run.frame_in_flight = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void on_timer(void* timer) {
    static_cast<Timer*>(timer)->id = 0;
    g_run.woke_by_timer = true;
    // ImGui reads its stationary-pointer timer before advancing it within NewFrame, so a delayed
    // hover (tooltip) unlocks one frame after the time has passed: wake for two frames.
    g_run.frames_owed = 1;
    request_animation_frame();
}

// The app's own deadline: one frame, no hover frame owed (a countdown redraws once a second).
void on_app_timer(void* timer) {
    static_cast<Timer*>(timer)->id = 0;
    g_run.woke_by_timer = true;
    request_animation_frame();
}

EM_BOOL on_animation_frame(double, void*) {
    g_run.frame_in_flight = false;
    ImGuiIO& io = ImGui::GetIO();
    if (io.DisplaySize.x <= 0.0f || io.DisplaySize.y <= 0.0f) return EM_FALSE;  // not laid out yet

    const double now = now_seconds();
    float dt = static_cast<float>(now - g_run.last_time);
    // Waking from idle because of input: time did not "pass" for ImGui's hover timers. Waking by a
    // timer: it did, that is what the timer was for.
    if (g_run.idle && !g_run.woke_by_timer) dt = kWakeDeltaTime;
    io.DeltaTime = dt > 0.0f ? dt : kWakeDeltaTime;
    g_run.last_time = now;
    g_run.idle = false;
    g_run.woke_by_timer = false;

    const double started_ms = emscripten_get_now();
    g_run.building = true;
    bool state_changed = build_frame();
    // The first frame shown is the page, whole: a new window is hidden while it measures its
    // contents, and an auto-sized child inside another grows a step a frame (the top page's
    // panels take three). Until the output stops changing, build again before drawing anything,
    // instead of showing the desk alone and then the page growing into place.
    if (g_run.stats.frames_drawn == 0) {
        for (int extra = 0; extra < kFirstFrameExtraBuilds; ++extra) {
            const std::uint64_t before = hash_draw_data(ImGui::GetDrawData());
            io.DeltaTime = kWakeDeltaTime;
            state_changed = build_frame() || state_changed;
            if (hash_draw_data(ImGui::GetDrawData()) == before) break;
        }
    }

    ImDrawData* dd = ImGui::GetDrawData();
    const std::uint64_t hash = hash_draw_data(dd);
    const bool output_changed = g_run.force_draw || hash != g_run.last_hash || textures_pending(dd);
    if (output_changed && !renderer_render(dd, g_run.hooks.clear_rgb)) {
        g_run.building = false;
        g_run.stopped = true;
        if (g_run.hooks.cannot_draw != nullptr) g_run.hooks.cannot_draw(g_run.hooks.user);
        return EM_FALSE;
    }
    if (output_changed) {
        ++g_run.stats.frames_drawn;
        if (g_run.stats.frames_drawn == 1 && g_run.hooks.first_frame_drawn != nullptr) g_run.hooks.first_frame_drawn(g_run.hooks.user);
        g_run.last_hash = hash;
        g_run.force_draw = false;
    }
    // The mirror first: the text agent is the mirror's <input> of the field being edited, which
    // must exist when the agent is chosen (a field active on a page's first frame).
    // On the very first frame drawn, the mirror waits for the next one: making its elements and
    // focusing one makes the browser lay them out (50–100 ms on the top page), which would hold
    // back the first pixels instead of following them.
    if (output_changed && g_run.stats.frames_drawn == 1) {
        g_run.mirror_owed = true;
    } else {
        web_mirror_after_frame(output_changed || g_run.mirror_owed);
        g_run.mirror_owed = false;
    }
    web_input_after_frame();
    g_run.building = false;
    g_run.stats.last_frame_ms = emscripten_get_now() - started_ms;
    g_run.stats.frame_ms[(g_run.stats.frames_built - 1) % kFrameTimeRing] = static_cast<float>(g_run.stats.last_frame_ms);

    // Decide whether another frame is needed, or the loop may sleep.
    const bool events_left = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    const bool settling = output_changed || windows_still_appearing();
    g_run.settle_chain = settling ? g_run.settle_chain + 1 : 0;
    const bool owed = g_run.frames_owed > 0;
    if (owed) --g_run.frames_owed;
    if (events_left || state_changed || owed || g_run.mirror_owed || (settling && g_run.settle_chain < kMaxSettleFrames)) {
        request_animation_frame();
    } else {
        g_run.idle = true;
        g_run.settle_chain = 0;
    }
    if (io.WantTextInput) arm(g_run.wake_timer, kCaretBlinkStep, true);
    return EM_FALSE;  // one frame; the next one only on request
}

}  // namespace

void runner_start(const RunnerHooks& hooks) {
    g_run = Runner{};
    g_run.hooks = hooks;
    g_run.last_time = now_seconds();
    request_animation_frame();
}

void runner_request_frame() {
    // A resting pointer may be over an item with a delayed tooltip: give it one frame after the delay.
    arm(g_run.hover_timer, kHoverDelayFrame, false);
    request_animation_frame();
}

void runner_request_frame_after(double seconds) { arm(g_run.app_timer, seconds, true, on_app_timer); }

void runner_build_frame_now() {
    if (g_run.building) {
        request_animation_frame();
        return;
    }
    const bool requested = g_run.frame_in_flight;
    on_animation_frame(emscripten_get_now(), nullptr);
    if (requested) g_run.frame_in_flight = true;  // that animation frame still comes
}

void runner_force_redraw() {
    g_run.force_draw = true;
    request_animation_frame();
}

const RunnerStats& runner_stats() { return g_run.stats; }

void ring_times_json(std::string& out, const float* ring, std::uint32_t size, std::uint32_t total) {
    out.assign(1, '[');
    const std::uint32_t count = total < size ? total : size;
    for (std::uint32_t i = 0; i < count; ++i) {
        char item[24];
        std::snprintf(item, sizeof item, "%s%.4f", i == 0 ? "" : ",", static_cast<double>(ring[(total - count + i) % size]));
        out += item;
    }
    out += ']';
}

bool runner_frame_pending() { return g_run.frame_in_flight; }

bool runner_settled() { return !g_run.frame_in_flight && g_run.hover_timer.id == 0 && g_run.frames_owed == 0; }

}  // namespace cp::platform
