// certportal platform: Dear ImGui renderer on WebGL2 (OpenGL ES 3.0 through Emscripten).
//
// Implemented features
//   [X] ImGuiBackendFlags_RendererHasTextures: the dynamic font atlas grows on demand (1.92 protocol)
//   [X] Shaders from shaders/*.vert|frag (GLSL ES 3.00), embedded at build time
//   [X] WebGL context loss: GL objects are dropped on loss and rebuilt on restore
//   [ ] ImGuiBackendFlags_RendererHasVtxOffset: WebGL2 has no base-vertex draws; 16-bit indices suffice
//
// The renderer owns the canvas' context: nothing else draws into it, so every frame sets all the
// GL state it needs instead of saving and restoring someone else's.
//
// Changelog
//   2026-11-22: first version.
//   2026-12-01: the shaders' status is read at the first render, not at init (start-up time).
#pragma once

struct ImDrawData;

namespace cp::platform {

// Creates the GL objects. The shaders' compile is only issued here: whether it worked is known
// at the first renderer_render (a status query waits for the GPU process).
void renderer_init();
// Deletes GL objects and every texture ImGui asked for; clears the backend flags init set.
void renderer_shutdown();
// Draws one frame. clear_rgb is the page background behind the UI. Returns false (and logs why)
// when nothing can be drawn because the shaders did not compile or link on this device.
bool renderer_render(ImDrawData* draw_data, const float clear_rgb[3]);

// The context is gone: forget GL names without calling GL (they are invalid now), and mark every
// texture for re-creation so the next frame after restore uploads it again.
void renderer_context_lost();
// The context is back: create the GL objects again (their build checked at the next render).
void renderer_context_restored();

}  // namespace cp::platform
