// certportal ui: colours, sizes and the ImGui style of the portal (one place for the look).
#pragma once

#include "imgui.h"

namespace cp::ui {

// Palette (sRGB). Banks' manuals warn that colours differ from the real screens; these aim at a
// calm, legible business look with WCAG AA contrast for text.
namespace color {
inline constexpr ImU32 kPage = IM_COL32(0xF2, 0xF4, 0xF7, 0xFF);
inline constexpr ImU32 kCard = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kCardBorder = IM_COL32(0xD5, 0xDB, 0xE3, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0x1F, 0x29, 0x33, 0xFF);
inline constexpr ImU32 kTextMuted = IM_COL32(0x55, 0x61, 0x6D, 0xFF);
inline constexpr ImU32 kBrand = IM_COL32(0x00, 0x4E, 0x8F, 0xFF);        // headings, primary buttons
inline constexpr ImU32 kBrandHover = IM_COL32(0x00, 0x63, 0xB4, 0xFF);
inline constexpr ImU32 kBrandActive = IM_COL32(0x00, 0x3B, 0x6D, 0xFF);
inline constexpr ImU32 kAccent = IM_COL32(0xC2, 0x41, 0x0C, 0xFF);       // 重要なお知らせ
inline constexpr ImU32 kMarker = IM_COL32(0xFF, 0xC1, 0x07, 0xFF);       // the simulator marker
inline constexpr ImU32 kMarkerText = IM_COL32(0x21, 0x1A, 0x00, 0xFF);
inline constexpr ImU32 kWarningBg = IM_COL32(0xFF, 0xF4, 0xE5, 0xFF);
}  // namespace color

namespace size {
inline constexpr float kTitle = 24.0f;
inline constexpr float kHeading = 19.0f;
inline constexpr float kSmall = 13.5f;
inline constexpr float kMarkerBar = 28.0f;   // height of the simulator strip
inline constexpr float kContentMaxWidth = 1040.0f;
}  // namespace size

void apply_theme();
// The page background as linear-ish floats for glClearColor.
void page_background(float rgb[3]);

}  // namespace cp::ui
