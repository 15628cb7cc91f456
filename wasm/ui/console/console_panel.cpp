// The demo console's window: a strip on the right (beside the desk, or over it when narrow) with
// its sections under collapsing headers; collapsed, a tab at the top right opens it again.
#include <algorithm>
#include <string>

#include "console/console.h"
#include "desk/desk.h"
#include "format.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "theme.h"
#include "tls/handshake_viewer.h"
#include "widgets.h"

namespace cp::ui {
namespace {

bool section(const Ui& ui, TextId title, bool open_at_first) {
    ImGui::Spacing();
    const std::string label = std::string(ui.t(title)) + "##console_" + std::to_string(static_cast<int>(title));
    return ImGui::CollapsingHeader(label.c_str(), open_at_first ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}

// Kiosk mode: no tab. A long press on the right end of the simulator strip, or Ctrl+Alt+D, opens
// (and closes) the console; a visitor does not stumble on it.
constexpr float kLongPressSeconds = 1.0f;
constexpr float kCornerWidth = 64.0f;

void kiosk_opener(const Ui& ui) {
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Alt | ImGuiKey_D)) {
        ui.emit_console(console::Toggle{});
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 a(vp->Pos.x + vp->Size.x - kCornerWidth, vp->Pos.y);
    const ImVec2 b(vp->Pos.x + vp->Size.x, vp->Pos.y + size::kMarkerBar);
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) || !ImGui::IsMouseHoveringRect(a, b, false)) return;
    const float held = io.MouseDownDuration[ImGuiMouseButton_Left];
    if (held >= kLongPressSeconds && io.MouseDownDurationPrev[ImGuiMouseButton_Left] < kLongPressSeconds)
        ui.emit_console(console::Toggle{});
    else if (held < kLongPressSeconds)
        ui.out.redraw_within(static_cast<double>(kLongPressSeconds - held));  // a frame when the press becomes long
}

// The idle reset's countdown, over everything; any input cancels it (the platform tells the console).
void draw_countdown(const Ui& ui, const DemoConsole& console) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(480.0f, vp->Size.x - 32.0f), 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kWarningBg);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kAccent);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 20));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::Begin("##kiosk_countdown", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    // Above an OS dialog too, without taking the keyboard from it.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    text_wrapped_sized(formatf(ui.t(TextId::KioskCountdown), static_cast<unsigned>(console.countdown())).c_str(),
                       size::kHeading, color::kText);
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

}  // namespace

void draw_console(const Ui& ui, DemoConsole& console) {
    if (console.countdown() > 0) draw_countdown(ui, console);
    if (console.kiosk()) kiosk_opener(ui);
    if (!console.open()) return;  // the taskbar's デモコンソールを開く (kiosk: the long press, the chord)
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool beside = vp->Size.x >= kConsoleBesideMinWidth;
    const float w = beside ? kConsoleWidth : vp->Size.x;
    // Over the desk it stops above the taskbar, whose toggle closes it again.
    const float bottom = beside ? 0.0f : taskbar_height(ui, vp->WorkSize.x);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - w, vp->Pos.y + size::kMarkerBar));
    ImGui::SetNextWindowSize(ImVec2(w, vp->Size.y - size::kMarkerBar - bottom));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kPanel);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 10));
    const std::string title = std::string(ui.t(TextId::ConsoleTitle)) + "###console";
    ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                             ImGuiWindowFlags_NoSavedSettings);
    if (console.kiosk()) text_wrapped_sized(ui.t(TextId::KioskHint), size::kSmall, color::kTextMuted);
    draw_console_link_problems(ui, console);
    draw_console_confirmation(ui, console);
    draw_console_message(ui, console);
    if (!ui.session.bank_view()) {
        text_wrapped_sized(ui.t(TextId::SampleNotReady), size::kDetail, color::kText);
    } else {
        // The guide first (unless in kiosk mode), then the short, often used sections; the
        // scenario list is long.
        // The last certificate login's handshake (the viewer opens over the desk).
        handshake_viewer_button(ui, last_handshake(ui.session));
        if (section(ui, TextId::GuideTitle, console.guide_first())) draw_console_guide(ui, console);
        if (section(ui, TextId::ConsoleClock, true)) draw_console_clock(ui, console);
        if (section(ui, TextId::ConsolePcs, true)) draw_console_pcs(ui);
        if (section(ui, TextId::ConsoleScenarios, true)) draw_console_scenarios(ui, console);
        if (section(ui, TextId::ConsoleShortcuts, false)) draw_console_shortcuts(ui);
        if (section(ui, TextId::ConsoleAudit, false)) draw_console_audit(ui);
        if (section(ui, TextId::ConsoleProgress, false)) draw_console_progress(ui, console);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

}  // namespace cp::ui
