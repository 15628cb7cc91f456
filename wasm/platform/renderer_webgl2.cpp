// certportal platform: Dear ImGui renderer on WebGL2. See renderer_webgl2.h for the feature list.
//
// Index
//   [SECTION] State
//   [SECTION] Shaders
//   [SECTION] Textures (ImGui 1.92 texture protocol)
//   [SECTION] Drawing
//   [SECTION] Lifecycle and context loss
#include "renderer_webgl2.h"

#include <GLES3/gl3.h>
#include <cstdint>
#include <cstdio>

#include "imgui.h"
#include "shaders_embedded.h"  // generated: kImguiVertSource, kImguiFragSource

namespace cp::platform {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

// The shader program's build: issued at init, its result read when first drawing.
enum class ProgramState { None, Linking, Ready, Failed };

struct RendererData {
    GLuint program = 0;
    GLuint vs = 0, fs = 0;  // until the link status is read (their logs explain a failure)
    ProgramState program_state = ProgramState::None;
    GLint u_projection = -1;
    GLint u_texture = -1;
    GLuint vao = 0;
    GLuint vbo = 0;
    GLuint ibo = 0;
    bool context_lost = false;
};

RendererData* data() { return static_cast<RendererData*>(ImGui::GetIO().BackendRendererUserData); }

//-----------------------------------------------------------------------------
// [SECTION] Shaders
//-----------------------------------------------------------------------------

// Shaders are compiled and linked without asking how it went: every status query is a round trip
// that waits for the GPU process, and right after start-up that process is still busy (measured
// in headless Chromium: 100–330 ms waited in the three queries, against 2–70 ms for Dear ImGui's
// example, which compiles inside its first frame). The link status is read when the program is
// first needed (program_ready), so the compile overlaps building the first frame.
GLuint compile(GLenum type, const char* source) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

// Logs why a shader did not compile (nothing when it did).
void log_compile_failure(GLuint shader, const char* name) {
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return;
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof(log), nullptr, log);
    std::fprintf(stderr, "certportal renderer: %s failed to compile: %s\n", name, log);
}

void create_device_objects(RendererData& bd) {
    bd.vs = compile(GL_VERTEX_SHADER, kImguiVertSource);
    bd.fs = compile(GL_FRAGMENT_SHADER, kImguiFragSource);
    bd.program = glCreateProgram();
    glAttachShader(bd.program, bd.vs);
    glAttachShader(bd.program, bd.fs);
    glLinkProgram(bd.program);
    bd.program_state = ProgramState::Linking;

    glGenVertexArrays(1, &bd.vao);
    glGenBuffers(1, &bd.vbo);
    glGenBuffers(1, &bd.ibo);
    // The vertex layout never changes: record it once in the VAO.
    glBindVertexArray(bd.vao);
    glBindBuffer(GL_ARRAY_BUFFER, bd.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bd.ibo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
}

// The first time the program is needed: did it link? (This query is the one wait.) On failure the
// shaders' own logs say why; the program stays failed until the context is rebuilt.
bool program_ready(RendererData& bd) {
    if (bd.program_state != ProgramState::Linking) return bd.program_state == ProgramState::Ready;
    GLint ok = 0;
    glGetProgramiv(bd.program, GL_LINK_STATUS, &ok);
    if (!ok) {
        log_compile_failure(bd.vs, "shaders/imgui.vert");
        log_compile_failure(bd.fs, "shaders/imgui.frag");
        char log[1024] = {};
        glGetProgramInfoLog(bd.program, sizeof(log), nullptr, log);
        std::fprintf(stderr, "certportal renderer: shader program failed to link: %s\n", log);
        bd.program_state = ProgramState::Failed;
        return false;
    }
    glDeleteShader(bd.vs);  // the program keeps what it needs
    glDeleteShader(bd.fs);
    bd.vs = bd.fs = 0;
    bd.u_projection = glGetUniformLocation(bd.program, "u_projection");
    bd.u_texture = glGetUniformLocation(bd.program, "u_texture");
    bd.program_state = ProgramState::Ready;
    return true;
}

void destroy_device_objects(RendererData& bd) {
    if (!bd.context_lost) {
        if (bd.vao) glDeleteVertexArrays(1, &bd.vao);
        if (bd.vbo) glDeleteBuffers(1, &bd.vbo);
        if (bd.ibo) glDeleteBuffers(1, &bd.ibo);
        if (bd.program) glDeleteProgram(bd.program);
        if (bd.vs) glDeleteShader(bd.vs);
        if (bd.fs) glDeleteShader(bd.fs);
    }
    bd.vao = bd.vbo = bd.ibo = bd.program = bd.vs = bd.fs = 0;
    bd.program_state = ProgramState::None;
}

//-----------------------------------------------------------------------------
// [SECTION] Textures (ImGui 1.92 texture protocol)
//-----------------------------------------------------------------------------

GLuint gl_name(const ImTextureData* tex) { return static_cast<GLuint>(static_cast<std::intptr_t>(tex->GetTexID())); }

void destroy_texture(ImTextureData* tex, bool call_gl) {
    GLuint name = gl_name(tex);
    if (call_gl && name != 0) glDeleteTextures(1, &name);
    tex->SetTexID(ImTextureID_Invalid);
    tex->SetStatus(ImTextureStatus_Destroyed);
}

void update_texture(ImTextureData* tex) {
    // ImGui keeps atlas pixels as RGBA32 (the default TexDesiredFormat); WebGL2 has no texture
    // swizzle, so Alpha8 would need a second shader for little gain at our atlas sizes.
    IM_ASSERT(tex->Format == ImTextureFormat_RGBA32);
    if (tex->Status == ImTextureStatus_WantCreate) {
        GLuint name = 0;
        glGenTextures(1, &name);
        glBindTexture(GL_TEXTURE_2D, name);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, tex->Width, tex->Height, 0, GL_RGBA, GL_UNSIGNED_BYTE, tex->GetPixels());
        tex->SetTexID(static_cast<ImTextureID>(name));
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantUpdates) {
        // Upload only the changed rectangles; UNPACK_ROW_LENGTH lets us point into the full image.
        glBindTexture(GL_TEXTURE_2D, gl_name(tex));
        glPixelStorei(GL_UNPACK_ROW_LENGTH, tex->Width);
        for (const ImTextureRect& r : tex->Updates)
            glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_RGBA, GL_UNSIGNED_BYTE, tex->GetPixelsAt(r.x, r.y));
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
        destroy_texture(tex, true);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing
//-----------------------------------------------------------------------------

void setup_render_state(const RendererData& bd, const ImDrawData* dd, int fb_w, int fb_h) {
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    const float l = dd->DisplayPos.x;
    const float r = dd->DisplayPos.x + dd->DisplaySize.x;
    const float t = dd->DisplayPos.y;
    const float b = dd->DisplayPos.y + dd->DisplaySize.y;
    const float ortho[4][4] = {
        {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
    };
    glUseProgram(bd.program);
    glUniform1i(bd.u_texture, 0);
    glUniformMatrix4fv(bd.u_projection, 1, GL_FALSE, &ortho[0][0]);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(bd.vao);
    glBindBuffer(GL_ARRAY_BUFFER, bd.vbo);
}

}  // namespace

bool renderer_render(ImDrawData* dd, const float clear_rgb[3]) {
    RendererData* bd = data();
    if (bd == nullptr || bd->context_lost) return true;  // nothing to draw into until restored
    if (!program_ready(*bd)) return false;
    const int fb_w = static_cast<int>(dd->DisplaySize.x * dd->FramebufferScale.x);
    const int fb_h = static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y);
    if (fb_w <= 0 || fb_h <= 0) return true;

    if (dd->Textures != nullptr)
        for (ImTextureData* tex : *dd->Textures)
            if (tex->Status != ImTextureStatus_OK) update_texture(tex);

    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear_rgb[0], clear_rgb[1], clear_rgb[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    setup_render_state(*bd, dd, fb_w, fb_h);

    const ImVec2 clip_off = dd->DisplayPos;
    const ImVec2 clip_scale = dd->FramebufferScale;
    for (const ImDrawList* list : dd->CmdLists) {
        // Orphan-and-refill: the driver can hand us fresh storage instead of stalling on the last frame.
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) setup_render_state(*bd, dd, fb_w, fb_h);
                else cmd.UserCallback(list, &cmd);
                continue;
            }
            const ImVec2 clip_min((cmd.ClipRect.x - clip_off.x) * clip_scale.x, (cmd.ClipRect.y - clip_off.y) * clip_scale.y);
            const ImVec2 clip_max((cmd.ClipRect.z - clip_off.x) * clip_scale.x, (cmd.ClipRect.w - clip_off.y) * clip_scale.y);
            if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
            // GL's scissor origin is bottom-left.
            glScissor(static_cast<GLint>(clip_min.x), static_cast<GLint>(static_cast<float>(fb_h) - clip_max.y),
                      static_cast<GLsizei>(clip_max.x - clip_min.x), static_cast<GLsizei>(clip_max.y - clip_min.y));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(static_cast<std::intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Lifecycle and context loss
//-----------------------------------------------------------------------------

void renderer_init() {
    ImGuiIO& io = ImGui::GetIO();
    IM_ASSERT(io.BackendRendererUserData == nullptr && "renderer_init() called twice");
    auto* bd = IM_NEW(RendererData)();
    io.BackendRendererUserData = bd;
    io.BackendRendererName = "certportal_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Renderer_TextureMaxWidth = pio.Renderer_TextureMaxHeight = 4096;  // WebGL2 guarantees at least 2048; 4096 is near-universal
    create_device_objects(*bd);
}

void renderer_shutdown() {
    RendererData* bd = data();
    IM_ASSERT(bd != nullptr && "renderer_shutdown() without renderer_init()");
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures)
        if (tex->RefCount == 1) destroy_texture(tex, !bd->context_lost);
    destroy_device_objects(*bd);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = nullptr;
    io.BackendRendererUserData = nullptr;
    io.BackendFlags &= ~ImGuiBackendFlags_RendererHasTextures;
    IM_DELETE(bd);
}

void renderer_context_lost() {
    RendererData* bd = data();
    if (bd == nullptr) return;
    bd->context_lost = true;
    destroy_device_objects(*bd);
    // The textures died with the context: ask ImGui to hand them to us again as new ones.
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->Status == ImTextureStatus_Destroyed) continue;
        tex->SetTexID(ImTextureID_Invalid);
        tex->SetStatus(ImTextureStatus_WantCreate);
    }
}

void renderer_context_restored() {
    RendererData* bd = data();
    if (bd == nullptr) return;
    bd->context_lost = false;
    create_device_objects(*bd);
}

}  // namespace cp::platform
