// certportal ui: the frame — the simulated desk, then the simulator marker on top of it.
#include "portal_ui.h"

#include "console/console.h"
#include "desk/desk.h"
#include <algorithm>

#include "imgui.h"
#include "theme.h"
#include "tls/handshake_viewer.h"
#include "widgets.h"
#include "widget_registry.h"

namespace cp::ui {
namespace {

// The permanent marker: a strip across the top of every screen, drawn on the foreground layer so
// no window or popup can cover it.
void draw_simulator_marker(const PortalState& state) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 a = vp->Pos;
    const ImVec2 b(vp->Pos.x + vp->Size.x, vp->Pos.y + size::kMarkerBar);
    dl->AddRectFilled(a, b, color::kMarker);
    const char* label = text(TextId::SimulatorMarker, state.language);
    ImFont* font = ImGui::GetFont();
    const float fs = size::kSmall;
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, label);
    const ImVec2 at(a.x + (vp->Size.x - ts.x) * 0.5f, a.y + (size::kMarkerBar - ts.y) * 0.5f);
    dl->AddText(font, fs, at, color::kMarkerText, label);
    widget_registry_note_text(label, at, ImVec2(at.x + ts.x, at.y + ts.y));
}

}  // namespace

void draw_portal(const PortalState& state, Session& session, UiOut& out, DemoConsole* console) {
    // A kiosk is used by touch, and so is a phone or a tablet: every button and field at least
    // 44 CSS px tall (WCAG 2.5.5).
    const bool touch = (console != nullptr && console->kiosk()) || state.coarse_pointer;
    const Ui ui{state, session, out, console};
    if (console != nullptr) reserve_console_area(*console);
    // Touch has no hover: a tooltip is a long press (a finger held still for ImGui's normal delay,
    // 0.4 s), never a tap's by-product; a mouse keeps the short delay.
    ImGui::GetStyle().HoverFlagsForTooltipMouse =
        ImGuiHoveredFlags_Stationary | ImGuiHoveredFlags_AllowWhenDisabled |
        (ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen ? ImGuiHoveredFlags_DelayNormal : ImGuiHoveredFlags_DelayShort);
    set_touch_targets(touch);
    if (touch) {
        const ImVec2 pad = frame_padding(ImGui::GetStyle().FramePadding);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(std::max(pad.x, 12.0f), pad.y));
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));  // rows grown to a finger's height
    }
    draw_desk(ui);
    draw_handshake_viewer(ui, last_handshake(session));
    if (console != nullptr) draw_console(ui, *console);
    if (touch) ImGui::PopStyleVar(2);
    draw_simulator_marker(state);
}

}  // namespace cp::ui
