// The simulator's own panels on the desk, marked as sample data: サンプルデータ (the IDs and PINs of
// the sample world, and which user has a token) and the お客様カード (契約者ID and the card's
// symbol → number table, as a card image), with a control to pretend the card was lost.
#include <optional>
#include <string>

#include "bank/customer_card.h"
#include "desk/desk.h"
#include "format.h"
#include "imgui.h"
#include "sim/presets.h"
#include "theme.h"
#include "widgets.h"
#include "world_ready.h"

namespace cp::ui {
namespace {

constexpr ImVec2 kPanelPadding(16, 12);
constexpr TextId kClockButtons[] = {TextId::SampleClockDay, TextId::SampleClockWeek, TextId::SampleClockMonth, TextId::SampleClockYear};
constexpr std::int32_t kClockDays[] = {1, 7, 30, 365};

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x; }

// What the panel's words need across, measured from the text: its title in the title bar (beside
// the close button), and for サンプルデータ the clock's buttons on one row.
float panel_min_width(const Ui& ui, DeskPanel panel, TextId title) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float border = 2 * style.WindowBorderSize;
    float w = ImGui::CalcTextSize(ui.t(title)).x + 2 * style.FramePadding.x + ImGui::GetFontSize() + style.ItemInnerSpacing.x + border;
    if (panel == DeskPanel::SampleData) {
        float row = -style.ItemSpacing.x;
        for (TextId id : kClockButtons) row += button_width(ui.t(id)) + style.ItemSpacing.x;
        w = std::max(w, row + 2 * kPanelPadding.x + border);
    }
    return w;
}

// At least `width`, as wide as its words need (panel_min_width), at most the screen less a margin:
// on a screen too narrow the clock's buttons wrap (draw_sample_data).
bool begin_panel(const Ui& ui, DeskPanel panel, TextId title, float width, float taskbar_h) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(std::max(width, panel_min_width(ui, panel, title)), vp->WorkSize.x - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8, vp->WorkPos.y + vp->WorkSize.y - taskbar_h - 8), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->WorkSize.y - taskbar_h - size::kMarkerBar - 16));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kPanel);
    ImGui::PushStyleColor(ImGuiCol_TitleBg, color::kMarker);
    ImGui::PushStyleColor(ImGuiCol_TitleBgActive, color::kMarker);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, kPanelPadding);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    bool open = true;
    const std::string name = std::string(ui.t(title)) + "###panel";
    ImGui::Begin(name.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    if (!open) ui.emit(cmd::OpenPanel{DeskPanel::None});
    return true;
}

void end_panel() {
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
}

// A row of the sample data; `copy` (an ID a person types elsewhere) adds a コピー button for it in
// the third column (its own fixed column: beside the value, the button would change the auto-sized
// panel's width, which changes the columns, which moves the button...).
void row(const Ui& ui, const char* key, const std::string& value, const std::string* copy = nullptr) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped_sized(key, size::kSmall, color::kTextMuted);
    ImGui::TableNextColumn();
    labelled_text(value.c_str(), size::kSmall + 1.5f, color::kText);
    ImGui::TableNextColumn();
    if (copy != nullptr) copy_button(key, *copy, ui.lang());
}

// `saving`: a step is being saved. The clock's buttons stay enabled then (a move applies at once and
// the next save takes it: docs/architecture.md, "Saving"), so a double click on +1日 moves two days;
// the rest waits, as the browser does.
void draw_sample_data(const Ui& ui, const BankView& bank, bool saving) {
    ImGui::BeginDisabled(saving);
    text_wrapped_sized(ui.t(TextId::SampleDataIntro), size::kSmall, color::kText);
    if (ImGui::BeginTable("##sample", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        // Fixed weights: weights taken from the contents (StretchProp's default) would follow the
        // key column's wrapping, which follows the weights — a layout that never settles.
        ImGui::TableSetupColumn("##key", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("##copy", ImGuiTableColumnFlags_WidthFixed);
        const Contract& contract = bank.contract();
        row(ui, ui.t(TextId::SampleContractId), contract.id, &contract.id);
        row(ui, ui.t(TextId::SampleCompany), contract.company);
        // PINs are shown to be typed, never copied: a PIN never reaches the clipboard.
        row(ui, ui.t(TextId::SampleContractPin), std::string(kSeedSecrets.contract_pin));
        row(ui, ui.t(TextId::SampleConfirmationPin), std::string(kSeedSecrets.confirmation_pin));
        for (const User& u : bank.users()) {
            const std::string_view pin = u.id == "S0001" ? kSeedSecrets.s0001_pin : u.id == "S0002" ? kSeedSecrets.s0002_pin : std::string_view();
            row(ui, ui.t(TextId::ColUserId), u.id + "  " + u.name, &u.id);
            if (!pin.empty()) row(ui, ui.t(TextId::SampleUserPin), std::string(pin));
            row(ui, ui.t(TextId::SampleToken), ui.t(u.token.registered() ? TextId::SampleTokenYes : TextId::SampleTokenNo));
        }
        ImGui::EndTable();
    }
    text_wrapped_sized(ui.t(TextId::SampleCardHint), size::kSmall, color::kTextMuted);
    ImGui::EndDisabled();
    // Time travel for the paths that need it (an expired certificate, a passed pickup window).
    text_sized(ui.t(TextId::SampleClock), size::kDetail, color::kText);
    for (std::size_t i = 0; i < std::size(kClockButtons); ++i) {
        const char* label = ui.t(kClockButtons[i]);
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < button_width(label)) ImGui::NewLine();  // the next row
        }
        if (button(label)) ui.emit(cmd::AdvanceClock{kClockDays[i]});
    }
    // The simulated browser: its download UI differs, and only Edge has IE mode (seed 001 part 2).
    // Choosing one reloads the page: disabled while a step is saved, as the browser's own reloads
    // (IE mode's) are, so the step's outcome shows before the page can be left.
    ImGui::BeginDisabled(saving);
    text_sized(ui.t(TextId::SampleBrowser), size::kDetail, color::kText);
    const BrowserKind kind = ui.session.desk().browser_kind();
    if (radio_button(ui.t(TextId::SampleBrowserEdge), kind == BrowserKind::Edge) && kind != BrowserKind::Edge)
        ui.emit(cmd::SetBrowserKind{BrowserKind::Edge});
    ImGui::SameLine();
    if (radio_button(ui.t(TextId::SampleBrowserChrome), kind == BrowserKind::Chrome) && kind != BrowserKind::Chrome)
        ui.emit(cmd::SetBrowserKind{BrowserKind::Chrome});
    ImGui::EndDisabled();
}

void draw_customer_card(const Ui& ui, const BankView& bank) {
    const Contract& c = bank.contract();
    // The card's face: the bank, the service, the contract ID.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + 84), color::kTitleBar, 8.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y + 10));
    text_sized(ui.state.brand.service_name.in(ui.lang()).c_str(), size::kDetail, IM_COL32_WHITE);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y + 34));
    text_sized(ui.t(TextId::SampleContractId), size::kSmall - 1, IM_COL32_WHITE);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y + 52));
    labelled_text(c.id.c_str(), size::kHeading, IM_COL32_WHITE);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 92));
    text_sized(formatf(ui.t(TextId::CardGeneration), c.card.generation).c_str(), size::kSmall, color::kTextMuted);
    text_sized(ui.t(TextId::CardBack), size::kDetail, color::kText);
    // The back: symbol → number, as a grid of cells "ア 12".
    const int columns = w >= size::kCardGridSixColumnsMinWidth ? 6 : 4;
    if (ImGui::BeginTable("##card_back", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) {
        for (std::size_t i = 0; i < kCardSymbolCount; ++i) {
            ImGui::TableNextColumn();
            const std::string cell = std::string(card_symbols()[i]) + formatf(" %02u", c.card.numbers[i]);
            labelled_text(cell.c_str(), size::kDetail, color::kText);
        }
        ImGui::EndTable();
    }
    // Reporting the card lost is asked twice: the panel's first focusable item is this button, and
    // a keyboard user's Enter meant for something else must not lose the card.
    bool& confirming = ui.session.desk_view().confirming_card_lost;
    if (c.card.lost) {
        confirming = false;
        text_wrapped_sized(ui.t(TextId::CardLostState), size::kDetail, color::kError);
    } else if (!confirming) {
        if (button(ui.t(TextId::CardReportLost))) confirming = true;
    } else {
        text_wrapped_sized(ui.t(TextId::CardReportLostConfirm), size::kDetail, color::kText);
        if (button(ui.t(TextId::CardReportLostYes))) {
            ui.emit(cmd::ReportCardLost{});
            confirming = false;
        }
        ImGui::SameLine();
        if (button(ui.t(TextId::CardReportLostNo))) confirming = false;
    }
}

}  // namespace

void draw_panels(const Ui& ui, float taskbar_h) {
    const DeskPanel panel = ui.session.desk().panel();
    if (panel == DeskPanel::None) return;
    const std::optional<BankView> bank = ui.session.bank_view();
    TextId title = TextId::SampleDataTitle;
    float width = 440.0f;
    switch (panel) {
        case DeskPanel::None:
        case DeskPanel::SampleData: break;
        case DeskPanel::CustomerCard: title = TextId::CardTitle; break;
        case DeskPanel::Mailbox: title = TextId::MailboxTitle; width = 520.0f; break;
        case DeskPanel::Branch: title = TextId::BranchTitle; width = 520.0f; break;
        case DeskPanel::Token: title = TextId::TokenTitle; width = 320.0f; break;
    }
    begin_panel(ui, panel, title, width, taskbar_h);
    if (!bank) {
        text_wrapped_sized(ui.t(TextId::SampleNotReady), size::kDetail, color::kText);
    } else {
        // While the world is replaced the panels' controls would be refused: shown disabled, with
        // the reason above them. While a step is saved they wait too (お取引店's forms would be
        // refused), the clock's buttons aside (draw_sample_data).
        const bool saving = ui.session.saving();
        if (!world_ready(ui)) text_wrapped_sized(world_wait_reason(ui), size::kDetail, color::kTextMuted, TextKind::Status);
        ImGui::BeginDisabled(!world_ready(ui));
        ImGui::BeginDisabled(saving && panel != DeskPanel::SampleData);
        switch (panel) {
            case DeskPanel::None: break;
            case DeskPanel::SampleData: draw_sample_data(ui, *bank, saving); break;
            case DeskPanel::CustomerCard: draw_customer_card(ui, *bank); break;
            case DeskPanel::Mailbox: draw_mailbox(ui, *bank); break;
            case DeskPanel::Branch: draw_branch_counter(ui, *bank); break;
            case DeskPanel::Token: draw_token_device(ui, *bank); break;
        }
        ImGui::EndDisabled();
        ImGui::EndDisabled();
    }
    end_panel();
}

}  // namespace cp::ui
