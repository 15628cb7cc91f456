// certportal platform: the accessibility mirror in the page — after each frame, the tree of the
// widgets ImGui drew (wasm/ui/accessibility) is diffed with the last one and the patch handed to
// web/lib/library_mirror.js; in the other direction, a focus or a click on a mirror element that
// the portal did not cause reaches ImGui (cp_on_mirror_focus, cp_on_mirror_activate).
#pragma once

namespace cp::platform {

void web_mirror_install();
void web_mirror_uninstall();
// After a frame: `drawn` is false when the frame's output equals the last one's (then the widgets
// did not change either and only ImGui's focus is compared).
void web_mirror_after_frame(bool drawn);

// The last frames' mirror cost (tree + diff + the call into JavaScript), in milliseconds, oldest
// first: what tools/bench_mirror.mjs reads.
const char* web_mirror_times_json();
unsigned web_mirror_samples();  // how many frames the mirror has timed since start

}  // namespace cp::platform
