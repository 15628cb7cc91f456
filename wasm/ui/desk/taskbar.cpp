// The simulated PC's taskbar: which PC the person sits at (and switching to the other one), the
// desk's panels (sample data, the customer card, the mail with its unread count, the branch), and
// the simulator's language. Three groups flow left to right and wrap to
// another row when the screen is too narrow (a phone gets two or three rows, nothing cut off).
#include <algorithm>
#include <optional>

#include "desk/desk.h"
#include "format.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

constexpr ImVec2 kPadding(10, 6);
constexpr float kGap = 2.0f;         // between the buttons of a group
constexpr float kGroupGap = 16.0f;   // between groups
constexpr float kMargin = 8.0f;

// Touch (kiosk mode): the buttons grow to the smallest touch target, the rows with them.
ImVec2 padding() { return frame_padding(kPadding); }
float row_height() { return touch_targets() ? size::kKioskTarget + 8.0f : size::kTaskbar; }

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + 2 * kPadding.x; }
float label_width(const char* label) { return ImGui::GetFont()->CalcTextSizeA(size::kSmall, FLT_MAX, 0.0f, label).x + 4; }

float group_width(const Ui& ui, std::initializer_list<TextId> labels, const char* prefix) {
    float w = prefix != nullptr ? label_width(prefix) : 0.0f;
    for (TextId id : labels) w += button_width(ui.t(id)) + kGap;
    return w - kGap;
}

// 「メール (2)」: the unread count in the button, as a mail app's taskbar badge.
std::string mailbox_label(const Ui& ui) {
    const std::optional<BankView> bank = ui.session.bank_view();
    const unsigned unread = bank ? bank->unread_mail() : 0;
    return unread > 0 ? formatf(ui.t(TextId::DeskMailboxUnreadFormat), unread) : std::string(ui.t(TextId::DeskMailbox));
}

// The demo console's toggle, before the language (the simulator's own controls live here); not
// in kiosk mode, where a visitor should not find it.
bool has_console_toggle(const Ui& ui) { return ui.console != nullptr && !ui.console->kiosk(); }
TextId console_toggle_label(const Ui& ui) {
    return ui.console != nullptr && ui.console->open() ? TextId::ConsoleHide : TextId::ConsoleShow;
}

// Where each group starts: its row and x offset from the taskbar's left edge. Groups: the PCs, the
// sample-data panels, the mail and the branch, the demo console's toggle (none in kiosk mode), the
// language (the last keeps to the right edge). Each group wraps on its own: on a phone in English
// the console's toggle and the language do not fit one row together.
constexpr int kGroups = 5;
constexpr int kConsoleGroup = 3;
struct Layout {
    int rows = 1;
    int row[kGroups] = {};
    float x[kGroups] = {};
    bool label = true;  // 操作中のパソコン： before the PC buttons (see layout())
};

Layout layout_with(const Ui& ui, float width, bool label) {
    Layout l;
    const float avail = width - 2 * kMargin;
    l.label = label;
    const float w[kGroups] = {group_width(ui, {TextId::PcAdmin, TextId::PcUser}, l.label ? ui.t(TextId::PcYouAreAt) : nullptr),
                              group_width(ui, {TextId::DeskSampleData, TextId::DeskCustomerCard, TextId::DeskToken}, nullptr),
                              button_width(mailbox_label(ui).c_str()) + kGap + group_width(ui, {TextId::DeskBranch}, nullptr),
                              has_console_toggle(ui) ? button_width(ui.t(console_toggle_label(ui))) : 0.0f,
                              group_width(ui, {TextId::LanguageJapanese, TextId::LanguageEnglish}, nullptr)};
    float x = 0;
    bool row_empty = true;
    for (int g = 0; g < kGroups; ++g) {
        if (w[g] <= 0.0f) continue;  // absent (the console's toggle in kiosk mode)
        if (!row_empty && x + kGroupGap + w[g] > avail) {
            ++l.rows;
            x = 0;
        } else if (!row_empty) {
            x += kGroupGap;
        }
        l.row[g] = l.rows - 1;
        l.x[g] = x;
        x += w[g];
        row_empty = false;
    }
    // The language group keeps to the right edge of its row.
    l.x[kGroups - 1] = std::max(l.x[kGroups - 1], avail - w[kGroups - 1]);
    return l;
}

// 操作中のパソコン： goes when the screen is narrow, and whenever leaving it out saves a row (at
// 1280 px an unread count in メール would otherwise push the language to a second row): the
// highlighted PC button says the same.
Layout layout(const Ui& ui, float width) {
    const Layout labelled = layout_with(ui, width, width >= size::kNarrow);
    if (!labelled.label || labelled.rows == 1) return labelled;
    const Layout bare = layout_with(ui, width, false);
    return bare.rows < labelled.rows ? bare : labelled;
}

// A segmented choice: the current option in the accent colour; returns the clicked index or -1.
int segmented(const TextId* labels, int count, int current, const Ui& ui) {
    int clicked = -1;
    for (int i = 0; i < count; ++i) {
        if (i > 0) ImGui::SameLine(0, kGap);
        const bool on = i == current;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? color::kOsAccent : color::kTaskbarButton);
        ImGui::PushStyleColor(ImGuiCol_Text, color::kTaskbarText);
        ImGui::PushID(static_cast<int>(labels[i]));
        if (ImGui::Button(ui.t(labels[i])) && !on) clicked = i;
        ImGui::PopID();
        ImGui::PopStyleColor(2);
    }
    return clicked;
}

void panel_button(const Ui& ui, const char* label, DeskPanel panel) {
    const bool open = ui.session.desk().panel() == panel;
    ImGui::PushStyleColor(ImGuiCol_Button, open ? color::kTaskbarButtonOn : color::kTaskbarButton);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kTaskbarText);
    ImGui::PushID(static_cast<int>(panel));  // the mailbox's label changes with its count
    if (ImGui::Button(label)) ui.emit(cmd::OpenPanel{open ? DeskPanel::None : panel});
    ImGui::PopID();
    ImGui::PopStyleColor(2);
}

}  // namespace

float taskbar_height(const Ui& ui, float width) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding());
    const int rows = layout(ui, width).rows;
    ImGui::PopStyleVar();
    return static_cast<float>(rows) * row_height();
}

void draw_taskbar(const Ui& ui, const Rect& r) {
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), color::kTaskbar);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding());
    const Layout l = layout(ui, r.w);
    const float row = row_height();
    const float inset = (row - ImGui::GetFrameHeight()) * 0.5f;
    const auto at = [&](int g) {
        ImGui::SetCursorScreenPos(ImVec2(r.x + kMargin + l.x[g], r.y + static_cast<float>(l.row[g]) * row + inset));
    };
    at(0);
    if (l.label) {  // the label sits before the buttons, centred on their row
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + padding().y));
        text_sized(ui.t(TextId::PcYouAreAt), size::kSmall, color::kTaskbarText);
        ImGui::SetCursorScreenPos(ImVec2(p.x + label_width(ui.t(TextId::PcYouAreAt)), p.y));
    }
    const TextId pcs[] = {TextId::PcAdmin, TextId::PcUser};
    const int pc = segmented(pcs, 2, ui.session.desk().pc() == PcId::Admin ? 0 : 1, ui);
    if (pc >= 0) ui.emit(cmd::SwitchPc{pc == 0 ? PcId::Admin : PcId::User});
    at(1);
    panel_button(ui, ui.t(TextId::DeskSampleData), DeskPanel::SampleData);
    ImGui::SameLine(0, kGap);
    panel_button(ui, ui.t(TextId::DeskCustomerCard), DeskPanel::CustomerCard);
    ImGui::SameLine(0, kGap);
    panel_button(ui, ui.t(TextId::DeskToken), DeskPanel::Token);
    at(2);
    panel_button(ui, mailbox_label(ui).c_str(), DeskPanel::Mailbox);
    ImGui::SameLine(0, kGap);
    panel_button(ui, ui.t(TextId::DeskBranch), DeskPanel::Branch);
    if (has_console_toggle(ui)) {
        at(kConsoleGroup);
        ImGui::PushStyleColor(ImGuiCol_Button, ui.console->open() ? color::kTaskbarButtonOn : color::kTaskbarButton);
        ImGui::PushStyleColor(ImGuiCol_Text, color::kTaskbarText);
        if (ImGui::Button(ui.t(console_toggle_label(ui)))) ui.emit_console(console::Toggle{});
        ImGui::PopStyleColor(2);
    }
    at(kGroups - 1);
    const TextId languages[] = {TextId::LanguageJapanese, TextId::LanguageEnglish};
    const int lang = segmented(languages, 2, ui.lang() == Language::Japanese ? 0 : 1, ui);
    if (lang >= 0) ui.out.actions.push_back(Action::set_language(lang == 0 ? Language::Japanese : Language::English));
    ImGui::PopStyleVar();
}

}  // namespace cp::ui
