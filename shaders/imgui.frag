#version 300 es
// Dear ImGui fragment shader (WebGL2): vertex colour times the texture (font atlas or image).
// The canvas is created with premultipliedAlpha: false and alpha: false, so no unpremultiply here.
precision mediump float;

uniform sampler2D u_texture;

in vec2 v_uv;
in vec4 v_color;

layout(location = 0) out vec4 out_color;

void main() {
    out_color = v_color * texture(u_texture, v_uv);
}
