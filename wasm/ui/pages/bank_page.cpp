// The bank's page inside the simulated browser: the bank's header (service and bank names), the
// simulator's status line, notices about storage and configuration, then the current screen —
// the running flow's page, or the top page.
#include <algorithm>
#include <cstdio>
#include <string>

#include "admin/admin_screens.h"
#include "demo/console.h"
#include "desk/desk.h"
#include "imgui.h"
#include "portal_ui.h"
#include "theme.h"
#include "user/user_screens.h"
#include "widgets.h"

namespace cp::ui {
namespace {

void draw_header(const Ui& ui, float content_x) {
    const float header_h = 64.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetWindowWidth();
    const ImVec2 left(ImGui::GetWindowPos().x, top.y);
    dl->AddRectFilled(left, ImVec2(left.x + w, top.y + header_h), color::kCard);
    dl->AddLine(ImVec2(left.x, top.y + header_h - 1), ImVec2(left.x + w, top.y + header_h - 1), color::kCardBorder);
    ImGui::SetCursorScreenPos(ImVec2(content_x, top.y + 10));
    ImGui::BeginGroup();
    text_sized(ui.state.brand.service_name.in(ui.lang()).c_str(), size::kHeading, color::kBrand);
    text_sized(ui.state.brand.bank_name.in(ui.lang()).c_str(), size::kSmall, color::kTextMuted);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(content_x, top.y + header_h + 14));
}

// "模擬日時 2023年9月1日 10:00 ・ データはこのブラウザに保存されます", or what the simulation is doing.
void draw_simulation_line(const PortalState& state) {
    const Language l = state.language;
    const SimulationView& sim = state.simulation;
    char line[200];
    switch (sim.status) {
        case SimulationStatus::Starting: std::snprintf(line, sizeof(line), "%s", text(TextId::SimStarting, l)); break;
        case SimulationStatus::Preparing:
            std::snprintf(line, sizeof(line), "%s", text(sim.replacing ? TextId::SimReplacing : TextId::SimPreparing, l));
            break;
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
    text_wrapped_sized(line, size::kSmall, sim.status == SimulationStatus::Failed ? color::kAccent : color::kTextMuted);
}

TextId storage_notice_text(StorageNotice notice) {
    switch (notice) {
        case StorageNotice::NewerVersion: return TextId::StorageNewerVersion;
        case StorageNotice::QuotaExceeded: return TextId::StorageQuotaExceeded;
        case StorageNotice::Interrupted: return TextId::StorageInterrupted;
        case StorageNotice::None:
        case StorageNotice::MemoryOnly: break;
    }
    return TextId::StorageMemoryOnly;
}

// Where the data goes, when it is not this browser's IndexedDB: the person must know before they
// spend time on a procedure that a reload would undo.
void draw_storage_notice(const Ui& ui) {
    const SimulationView& sim = ui.state.simulation;
    const bool show_storage = sim.storage != StorageNotice::None && !ui.state.storage_notice_dismissed;
    const bool show_set_aside = sim.set_aside_records > 0 && !ui.state.storage_notice_dismissed;
    const bool save_failed = ui.session.save_failure() != FlowResult::Ok;
    if (!show_storage && !show_set_aside && !save_failed) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kWarningBg);
    begin_card("##storage_notice", ImVec2(-FLT_MIN, 0));
    if (show_storage) text_wrapped_sized(ui.t(storage_notice_text(sim.storage)), size::kDetail, color::kText);
    if (show_set_aside) text_wrapped_sized(ui.t(TextId::StorageRecordsSetAside), size::kDetail, color::kText);
    if (save_failed) text_wrapped_sized(ui.t(TextId::SaveFailed), size::kDetail, color::kError);
    if (button(ui.t(TextId::Close))) {
        if (show_storage || show_set_aside) ui.out.actions.push_back(Action::dismiss_storage_notice());
        if (save_failed) ui.emit(cmd::DismissSaveError{});
    }
    end_card();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 4));
}

void draw_config_problems(const Ui& ui) {
    if (ui.state.config_problems.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kWarningBg);
    begin_card("##config_problems", ImVec2(-FLT_MIN, 0));
    text_sized(ui.t(TextId::ConfigProblemsTitle), size::kDetail, color::kAccent);
    for (const std::string& p : ui.state.config_problems) text_wrapped_sized(p.c_str(), size::kSmall, color::kText);
    if (button(ui.t(TextId::Close))) ui.out.actions.push_back(Action::dismiss_config_problems());
    end_card();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 4));
}

// The page's profile has other rules than the running world (Session::policy_differences): said
// on the page until read, with the console's button (a new world through 開始's path: asked first,
// in the console, when progress would go). Pages without a console (none today) show nothing.
void draw_policy_notice(const Ui& ui) {
    if (ui.state.policy_notice_dismissed || ui.console == nullptr || ui.console->kiosk()) return;
    if (ui.session.policy_differences().empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kWarningBg);
    begin_card("##policy_notice", ImVec2(-FLT_MIN, 0));
    text_wrapped_sized(ui.t(TextId::ProfilePolicyOnPage), size::kSmall, color::kText);
    ImGui::BeginDisabled(ui.console->busy());
    if (button(ui.t(TextId::ProfilePolicyNewWorld))) ui.emit_console(console::ChooseScenario{&scenarios().front()});
    ImGui::EndDisabled();
    ImGui::SameLine();
    const std::string close = std::string(ui.t(TextId::Close)) + "##policy_notice";
    if (button(close.c_str())) ui.out.actions.push_back(Action::dismiss_policy_notice());
    end_card();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 4));
}

}  // namespace

void draw_bank_page(const Ui& ui) {
    // A centred content column, as on the bank's pages; full width (less a margin) when narrow.
    const float margin = 12.0f;
    const float page_w = ImGui::GetContentRegionAvail().x;
    const float content_w = std::min(size::kContentMaxWidth, page_w - 2 * margin);
    const float content_x = ImGui::GetCursorScreenPos().x + (page_w - content_w) * 0.5f;
    draw_header(ui, content_x);
    ImGui::SetCursorScreenPos(ImVec2(content_x, ImGui::GetCursorScreenPos().y));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(content_w);
    ImGui::BeginChild("##content", ImVec2(content_w, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    draw_simulation_line(ui.state);
    draw_storage_notice(ui);
    draw_config_problems(ui);
    draw_policy_notice(ui);
    AdminFlow* flow = ui.session.admin_flow();
    AdminPickupFlow* pickup = ui.session.admin_pickup();
    UserFlow* user = ui.session.user_flow();
    if (pickup != nullptr) draw_admin_pickup_page(ui, *pickup);
    else if (!(flow != nullptr && draw_admin_page(ui, *flow)) && !(user != nullptr && draw_user_page(ui, *user))) draw_top_page(ui);
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace cp::ui
