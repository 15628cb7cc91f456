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
inline constexpr ImU32 kFieldBorder = IM_COL32(0x7A, 0x86, 0x93, 0xFF);  // 3.7:1 on white
inline constexpr ImU32 kText = IM_COL32(0x1F, 0x29, 0x33, 0xFF);
inline constexpr ImU32 kTextMuted = IM_COL32(0x55, 0x61, 0x6D, 0xFF);
inline constexpr ImU32 kBrand = IM_COL32(0x00, 0x4E, 0x8F, 0xFF);        // headings, primary buttons
inline constexpr ImU32 kBrandHover = IM_COL32(0x00, 0x63, 0xB4, 0xFF);
inline constexpr ImU32 kBrandActive = IM_COL32(0x00, 0x3B, 0x6D, 0xFF);
inline constexpr ImU32 kLinkDisabled = IM_COL32(0x6B, 0x8C, 0xB0, 0xFF);  // a link that leads nowhere yet
inline constexpr ImU32 kAccent = IM_COL32(0xC2, 0x41, 0x0C, 0xFF);       // 重要なお知らせ
inline constexpr ImU32 kMarker = IM_COL32(0xFF, 0xC1, 0x07, 0xFF);       // the simulator marker
inline constexpr ImU32 kMarkerText = IM_COL32(0x21, 0x1A, 0x00, 0xFF);
inline constexpr ImU32 kWarningBg = IM_COL32(0xFF, 0xF4, 0xE5, 0xFF);
inline constexpr ImU32 kError = IM_COL32(0xB0, 0x1C, 0x1C, 0xFF);        // 5.9:1 on white
inline constexpr ImU32 kErrorBg = IM_COL32(0xFD, 0xEC, 0xEC, 0xFF);
inline constexpr ImU32 kTitleBar = IM_COL32(0x1B, 0x6E, 0x3A, 0xFF);     // the bank's screen headings
inline constexpr ImU32 kKey = IM_COL32(0xE8, 0xEC, 0xF1, 0xFF);          // software keyboard keys
inline constexpr ImU32 kGridHeader = IM_COL32(0xE3, 0xEE, 0xE6, 0xFF);
inline constexpr ImU32 kGridSelected = IM_COL32(0xFF, 0xF8, 0xD6, 0xFF);
// The simulated PC (Windows-like desk, browser chrome, OS dialogs): visibly not the bank's.
inline constexpr ImU32 kDesk = IM_COL32(0x1F, 0x4E, 0x79, 0xFF);
inline constexpr ImU32 kTaskbar = IM_COL32(0x20, 0x20, 0x24, 0xFF);
inline constexpr ImU32 kTaskbarText = IM_COL32(0xF2, 0xF2, 0xF2, 0xFF);
inline constexpr ImU32 kTaskbarButton = IM_COL32(0x3A, 0x3A, 0x40, 0xFF);
inline constexpr ImU32 kTaskbarButtonOn = IM_COL32(0x55, 0x55, 0x5E, 0xFF);
inline constexpr ImU32 kChrome = IM_COL32(0xE9, 0xEC, 0xEF, 0xFF);        // browser title and toolbar
inline constexpr ImU32 kAddressBar = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kOsDialog = IM_COL32(0xF3, 0xF3, 0xF3, 0xFF);
inline constexpr ImU32 kOsTitle = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kOsButton = IM_COL32(0xFD, 0xFD, 0xFD, 0xFF);
inline constexpr ImU32 kOsAccent = IM_COL32(0x00, 0x5F, 0xB8, 0xFF);      // Windows' default button
inline constexpr ImU32 kOsSelection = IM_COL32(0xCC, 0xE4, 0xF7, 0xFF);
inline constexpr ImU32 kPanel = IM_COL32(0xFF, 0xFD, 0xF2, 0xFF);         // sample-data panels
}  // namespace color

namespace size {
inline constexpr float kTitle = 24.0f;
inline constexpr float kHeading = 19.0f;
inline constexpr float kSmall = 13.5f;
inline constexpr float kDetail = kSmall + 1.0f;  // the pages' detail text: table cells, key / value rows, notes
inline constexpr float kMarkerBar = 28.0f;   // height of the simulator strip
inline constexpr float kContentMaxWidth = 1040.0f;
inline constexpr float kTaskbar = 44.0f;     // the simulated PC's taskbar (one row; two when narrow)
inline constexpr float kKioskTarget = 44.0f; // kiosk mode: the smallest touch target (WCAG 2.5.5)
inline constexpr float kNarrow = 640.0f;     // below this width the desk's chrome collapses
inline constexpr float kOsText = 14.0f;      // OS dialogs use the system's smaller text
// Widths (of the region a screen draws in) from which a screen lays itself out wider:
inline constexpr float kCertificateRowMinWidth = 620.0f;       // 利用者情報変更's certificate record on one row, as the seed
inline constexpr float kSideMemoMinWidth = 860.0f;             // 利用者情報変更's memo beside the form, not under it
inline constexpr float kWideSitePageMinWidth = 720.0f;         // the top page in two columns (login, お知らせ); a login page's card at 60 %
inline constexpr float kCertificateListMinWidth = 560.0f;      // the certificate manager's list with all its columns
inline constexpr float kCardGridSixColumnsMinWidth = 380.0f;   // お客様カード's grid in six columns, not four
}  // namespace size

void apply_theme();
// The page background as linear-ish floats for glClearColor.
void page_background(float rgb[3]);

}  // namespace cp::ui
