// The user's hardware token (ワンタイムパスワード) on the simulated desk: a small drawing with its
// 「1」 button. Pressing it shows the bank's current 6-digit TOTP code for that user
// (BankView::token, the simulated clock: a new code every 30 s) and the seconds left; once
// the 30 s step ends the display goes blank until 「1」 is pressed again, as the seed says
// (新たなパスワードはしばらくしてから「1」ボタンを押すことで表示されます). While a code shows, the
// page asks for one redraw a second (UiOut::redraw_within); otherwise it stays idle.
#include <string>
#include <vector>

#include "desk/desk.h"
#include "format.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

constexpr ImU32 kBody = IM_COL32(0x2B, 0x2F, 0x36, 0xFF);
constexpr ImU32 kLcd = IM_COL32(0xC8, 0xD8, 0xC0, 0xFF);
constexpr ImU32 kLcdText = IM_COL32(0x1A, 0x24, 0x18, 0xFF);

}  // namespace

void draw_token_device(const Ui& ui, const BankView& bank) {
    const std::vector<const User*> holders = bank.token_holders();
    if (holders.empty()) {
        text_wrapped_sized(ui.t(TextId::TokenNone), size::kDetail, color::kText);
        return;
    }
    text_wrapped_sized(ui.t(TextId::TokenIntro), size::kSmall, color::kText);
    DeskView& view = ui.session.desk_view();
    int& chosen = view.token_holder;
    if (chosen < 0 || static_cast<std::size_t>(chosen) >= holders.size()) chosen = 0;
    if (holders.size() > 1) {
        for (std::size_t i = 0; i < holders.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            if (radio_button(holders[i]->id.c_str(), static_cast<int>(i) == chosen)) chosen = static_cast<int>(i);
        }
    }
    const User& u = *holders[static_cast<std::size_t>(chosen)];
    text_sized(formatf(ui.t(TextId::TokenOf), u.id.c_str(), u.token.serial.c_str()).c_str(), size::kSmall, color::kTextMuted);

    // Which 30 s step the display was woken for (the button press), per user.
    ImGui::PushID(u.id.c_str());
    const TokenReading token = bank.token(u.id);
    const auto woken = view.token_woken_step.find(u.id);
    const bool showing = woken != view.token_woken_step.end() && woken->second == token.step;

    // The device: body, display, button.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = 240.0f, h = 160.0f;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), kBody, 18.0f);
    const ImVec2 lcd_a(p.x + 20, p.y + 16), lcd_b(p.x + w - 20, p.y + 82);
    dl->AddRectFilled(lcd_a, lcd_b, kLcd, 4.0f);
    if (showing) {
        const std::string& code = token.code;
        ImGui::PushFont(nullptr, 30.0f);
        const ImVec2 ts = ImGui::CalcTextSize(code.c_str());
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2((lcd_a.x + lcd_b.x - ts.x) * 0.5f, lcd_a.y + 8));
        labelled_text(code.c_str(), 30.0f, kLcdText);
        // The seconds left in this step, as a bar under the digits.
        const float left = static_cast<float>(token.seconds_left) / static_cast<float>(token.step_seconds);
        dl->AddRectFilled(ImVec2(lcd_a.x + 8, lcd_b.y - 10), ImVec2(lcd_a.x + 8 + (lcd_b.x - lcd_a.x - 16) * left, lcd_b.y - 6), kLcdText);
        ui.out.redraw_within(1.0);
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x + w * 0.5f - 24, p.y + 98));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0x50, 0x56, 0x60, 0xFF));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0x66, 0x6C, 0x78, 0xFF));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 24.0f);
    if (ImGui::Button(ui.t(TextId::TokenButton), ImVec2(48, 48))) view.token_woken_step[u.id] = token.step;
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 6));
    if (showing) {
        text_sized(formatf(ui.t(TextId::TokenExpires), token.seconds_left).c_str(), size::kSmall, color::kText);
    } else {
        text_sized(ui.t(TextId::TokenPressHint), size::kSmall, color::kText);
    }
    ImGui::PopID();
}

}  // namespace cp::ui
