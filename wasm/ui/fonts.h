// certportal ui: the UI font (BIZ UDPGothic) through Dear ImGui 1.92's dynamic atlas.
//
// Faces are installed from memory; nothing here knows where the bytes came from. Two faces of the
// same typeface arrive from the page (wasm/platform/main.cpp); the native UI tests (tests/ui)
// install the whole Debian font file as the UI face:
//   kind 0, "ui":   a small subset with every character of the string catalogue and the brand,
//                   plus kana, ASCII and punctuation: enough for the first paint.
//   kind 1, "text": JIS X 0208 levels 1 and 2, fetched when a text field is first focused, for
//                   what people type. It is merged behind the subset: glyphs come from whichever
//                   face has them, and look identical because the typeface is the same.
// Glyphs are rasterized on demand at the framebuffer scale (io.DisplayFramebufferScale), so text is
// sharp at devicePixelRatio 1, 1.5 and 2 without any glyph-range tables.
#pragma once

#include <cstdint>

namespace cp::ui {

inline constexpr float kFontSizeBase = 16.0f;  // CSS pixels

// Installs the UI face as the default font of the current ImGui context (a text face merged into
// an earlier context is forgotten); takes ownership of data (allocated with malloc). False if it
// is not a font.
bool fonts_install_ui_face(std::uint8_t* data, int size);
// Merges the large text face behind the subset; takes ownership. False if it is not a font.
bool fonts_merge_text_face(std::uint8_t* data, int size);
bool fonts_text_face_present();

}  // namespace cp::ui
