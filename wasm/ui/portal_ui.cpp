// certportal ui: the page frame and screen dispatch.
#include "portal_ui.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "theme.h"
#include "widget_registry.h"
#include "widgets.h"

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

// The language switch: one button per language, the current one filled.
constexpr Language kLanguages[] = {Language::Japanese, Language::English};
constexpr TextId kLanguageLabels[] = {TextId::LanguageJapanese, TextId::LanguageEnglish};
constexpr ImVec2 kSwitchPadding(10, 4);
constexpr float kSwitchGap = 4.0f;

float language_switch_width(const PortalState& state) {
    float w = kSwitchGap;
    for (TextId id : kLanguageLabels) w += ImGui::CalcTextSize(text(id, state.language)).x + 2 * kSwitchPadding.x;
    return w;
}

void draw_language_switch(const PortalState& state, std::vector<Action>& actions) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, kSwitchPadding);
    for (int i = 0; i < 2; ++i) {
        if (i > 0) ImGui::SameLine(0, kSwitchGap);
        const bool current = state.language == kLanguages[i];
        ImGui::PushStyleColor(ImGuiCol_Button, current ? color::kBrand : color::kCard);
        ImGui::PushStyleColor(ImGuiCol_Text, current ? IM_COL32_WHITE : color::kBrand);
        ImGui::PushID(i);
        if (ImGui::Button(text(kLanguageLabels[i], state.language)) && !current) actions.push_back(Action::set_language(kLanguages[i]));
        ImGui::PopID();
        ImGui::PopStyleColor(2);
    }
    ImGui::PopStyleVar();
}

// The service and bank names, and the language switch right-aligned beside them; on a screen too
// narrow for both (a phone), the switch gets its own row below the names.
void draw_header(const PortalState& state, std::vector<Action>& actions, float content_x, float content_w) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float min_header_h = 64.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top(vp->Pos.x, vp->Pos.y + size::kMarkerBar);
    dl->ChannelsSplit(2);  // the background (0) is drawn last, once the header's height is known
    dl->ChannelsSetCurrent(1);

    ImGui::SetCursorScreenPos(ImVec2(content_x, top.y + 10));
    ImGui::BeginGroup();
    text_sized(state.brand.service_name.in(state.language).c_str(), size::kHeading, color::kBrand);
    text_sized(state.brand.bank_name.in(state.language).c_str(), size::kSmall, color::kTextMuted);
    ImGui::EndGroup();
    const ImVec2 names_max = ImGui::GetItemRectMax();

    const float switch_w = language_switch_width(state);
    const float switch_x = content_x + content_w - switch_w;
    const bool beside = names_max.x + 2 * ImGui::GetStyle().ItemSpacing.x <= switch_x;
    ImGui::SetCursorScreenPos(ImVec2(switch_x, beside ? top.y + 18 : names_max.y + 8));
    ImGui::BeginGroup();
    draw_language_switch(state, actions);
    ImGui::EndGroup();
    const float header_h = std::max(min_header_h, ImGui::GetItemRectMax().y + 12 - top.y);

    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(top, ImVec2(top.x + vp->Size.x, top.y + header_h), color::kCard);
    dl->AddLine(ImVec2(top.x, top.y + header_h - 1), ImVec2(top.x + vp->Size.x, top.y + header_h - 1), color::kCardBorder);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(content_x, top.y + header_h + 20));
}

// "模擬日時 2023年9月1日 10:00 ・ データはこのブラウザに保存されます", or what the simulation is doing.
void draw_simulation_line(const PortalState& state) {
    const Language l = state.language;
    const SimulationView& sim = state.simulation;
    char line[160];
    switch (sim.status) {
        case SimulationStatus::Starting: std::snprintf(line, sizeof(line), "%s", text(TextId::SimStarting, l)); break;
        case SimulationStatus::Preparing: std::snprintf(line, sizeof(line), "%s", text(TextId::SimPreparing, l)); break;
        case SimulationStatus::Failed: std::snprintf(line, sizeof(line), "%s (%s)", text(TextId::SimFailed, l), sim.failure.c_str()); break;
        case SimulationStatus::Ready: {
            const SimulationView::Clock& c = sim.now;
            char when[64];
            if (l == Language::Japanese)
                std::snprintf(when, sizeof(when), "%d%s%d%s%d%s %02d:%02d", c.year, text(TextId::DateYearSuffix, l), c.month,
                              text(TextId::DateMonthSuffix, l), c.day, text(TextId::DateDaySuffix, l), c.hour, c.minute);
            else
                std::snprintf(when, sizeof(when), "%04d-%02d-%02d %02d:%02d JST", c.year, c.month, c.day, c.hour, c.minute);
            if (sim.storage == StorageNotice::None)
                std::snprintf(line, sizeof(line), "%s %s%s%s", text(TextId::SimClockLabel, l), when, text(TextId::ListSeparator, l),
                              text(TextId::SimSavedInBrowser, l));
            else
                std::snprintf(line, sizeof(line), "%s %s", text(TextId::SimClockLabel, l), when);
            break;
        }
    }
    text_sized(line, size::kSmall, sim.status == SimulationStatus::Failed ? color::kAccent : color::kTextMuted);
}

TextId storage_notice_text(StorageNotice notice) {
    switch (notice) {
        case StorageNotice::NewerVersion: return TextId::StorageNewerVersion;
        case StorageNotice::QuotaExceeded: return TextId::StorageQuotaExceeded;
        case StorageNotice::Interrupted: return TextId::StorageInterrupted;
        default: return TextId::StorageMemoryOnly;
    }
}

// Where the data goes, when it is not this browser's IndexedDB: the person must know before they
// spend time on a procedure that a reload would undo.
void draw_storage_notice(const PortalState& state, std::vector<Action>& actions) {
    const SimulationView& sim = state.simulation;
    const bool show_storage = sim.storage != StorageNotice::None && !state.storage_notice_dismissed;
    const bool show_set_aside = sim.set_aside_records > 0 && !state.storage_notice_dismissed;
    if (!show_storage && !show_set_aside) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kWarningBg);
    begin_card("##storage_notice", ImVec2(-FLT_MIN, 0));
    if (show_storage) text_wrapped_sized(text(storage_notice_text(sim.storage), state.language), size::kSmall + 1, color::kText);
    if (show_set_aside) text_wrapped_sized(text(TextId::StorageRecordsSetAside, state.language), size::kSmall + 1, color::kText);
    if (button(text(TextId::Close, state.language))) actions.push_back(Action::dismiss_storage_notice());
    end_card();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 4));
}

void draw_config_problems(const PortalState& state, std::vector<Action>& actions) {
    if (state.config_problems.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kWarningBg);
    begin_card("##config_problems", ImVec2(-FLT_MIN, 0));
    text_sized(text(TextId::ConfigProblemsTitle, state.language), size::kSmall + 1, color::kAccent);
    for (const std::string& p : state.config_problems) text_wrapped_sized(p.c_str(), size::kSmall, color::kText);
    if (button(text(TextId::Close, state.language))) actions.push_back(Action::dismiss_config_problems());
    end_card();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 4));
}

}  // namespace

void draw_portal(const PortalState& state, std::vector<Action>& actions) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##page", nullptr, flags);

    // A centred content column, as on the bank's pages; full width on narrow (phone) screens.
    const float margin = 16.0f;
    const float content_w = std::min(size::kContentMaxWidth, vp->Size.x - 2 * margin);
    const float content_x = vp->Pos.x + (vp->Size.x - content_w) * 0.5f;
    draw_header(state, actions, content_x, content_w);

    ImGui::SetCursorScreenPos(ImVec2(content_x, ImGui::GetCursorScreenPos().y));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(content_w);
    ImGui::BeginChild("##content", ImVec2(content_w, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    draw_simulation_line(state);
    draw_storage_notice(state, actions);
    draw_config_problems(state, actions);
    switch (state.screen) {
        case Screen::Top: draw_top_page(state, actions); break;
    }
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 24));

    ImGui::End();
    draw_simulator_marker(state);
}

}  // namespace cp::ui
