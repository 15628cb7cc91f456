// certportal platform: the frame runner — render on demand.
//
// No frame is built or drawn while nothing changes. A frame is requested by input, a canvas
// resize, a timer (caret blink, hover delay), or an asynchronous completion; ImGui then gets the few frames
// it needs to settle (the runner keeps going while the draw output still changes, while ImGui's
// input queue still holds trickled events, and while the app reports a state change), then the
// loop sleeps with no requestAnimationFrame pending. At most one animation frame is in flight.
//
// Time-based ImGui behaviour is served by timers, not by spinning: the caret blinks through a
// timer while a text field is active, and a hover-delay tooltip gets one frame after its delay.
#pragma once

#include <cstdint>
#include <string>

namespace cp::platform {

struct RunnerHooks {
    // Builds the UI between ImGui::NewFrame() and ImGui::Render(). Returns true when the app's
    // state changed in a way the next frame must show (an action was applied).
    bool (*build_frame)(void* user) = nullptr;
    // Called once, after the first frame's draw calls were issued (the page hides its loading
    // screen then; optional).
    void (*first_frame_drawn)(void* user) = nullptr;
    // Called once if the renderer cannot draw on this device (its shaders did not build); no frame
    // is built after it. The page replaces the canvas with a message then.
    void (*cannot_draw)(void* user) = nullptr;
    // Clear colour behind the UI (page background), linear 0..1.
    float clear_rgb[3] = {1.0f, 1.0f, 1.0f};
    void* user = nullptr;
};

// CPU time of the last built frames (NewFrame .. draw calls issued), for benchmarks.
inline constexpr int kFrameTimeRing = 256;

struct RunnerStats {
    std::uint32_t frames_built = 0;  // NewFrame..Render cycles
    std::uint32_t frames_drawn = 0;  // cycles whose output differed and was drawn with GL
    double last_frame_ms = 0.0;      // the last built frame: build + render, main-thread CPU
    // The last min(frames_built, kFrameTimeRing) frame times; frame n is at n % kFrameTimeRing.
    float frame_ms[kFrameTimeRing] = {};
};

void runner_start(const RunnerHooks& hooks);
void runner_request_frame();                       // something changed: draw soon
// The app shows time passing (the token's countdown): one frame in `seconds`; an earlier pending
// request wins. Nothing is drawn meanwhile.
void runner_request_frame_after(double seconds);
void runner_force_redraw();                        // the canvas lost its content (resize, context restore)
// Builds a frame at once, inside the current event handler (a requested animation frame still
// comes): for input whose effect must be in place before the browser delivers the next event
// (the accessibility mirror's focus activating a field before the text typed into it arrives).
// Inside a frame, it only requests one.
void runner_build_frame_now();
const RunnerStats& runner_stats();
// A ring of timings (ms) as a JSON array, oldest first: the last min(total, size) of `total`
// samples, sample n at n % size. For the frame times and the mirror's (benchmarks read them).
void ring_times_json(std::string& out, const float* ring, std::uint32_t size, std::uint32_t total);
// True while a frame has been asked for and not built yet (input, a timer, an async completion):
// tools wait for this to be false, and no new frame built, before they read the page.
bool runner_frame_pending();
// True once the frames the last input or completion promised are built too: none pending and no
// hover frame to come (runner_request_frame arms one kHoverDelayFrame later). The app's own timers
// (a countdown, the token's second) and the caret's blink are time passing, not settling: they are
// not counted. A tool that counts the frames of an idle page waits for this first.
bool runner_settled();

}  // namespace cp::platform
