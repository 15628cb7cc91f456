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
#pragma once

struct ImDrawData;

namespace cp::platform {

// Creates the GL objects. Returns false (and logs why) when a shader does not compile.
bool renderer_init();
// Deletes GL objects and every texture ImGui asked for; clears the backend flags init set.
void renderer_shutdown();
// Draws one frame. clear_rgb is the page background behind the UI.
void renderer_render(ImDrawData* draw_data, const float clear_rgb[3]);

// The context is gone: forget GL names without calling GL (they are invalid now), and mark every
// texture for re-creation so the next frame after restore uploads it again.
void renderer_context_lost();
// The context is back: create the GL objects again.
bool renderer_context_restored();

}  // namespace cp::platform
