// 確認用パスワード: the two symbols of the お客様カード (seed 001 (6), seed 000 (5)), laid out as
// the seed's table: 記号 | オ | ウ over 暗証番号 | [89] | [45].
#include "admin/admin_screens.h"
#include "bank/customer_card.h"
#include "fields.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {

void draw_admin_card_challenge(const Ui& ui, AdminFlow& flow) {
    const Language l = ui.lang();
    AdminFlow::View& view = flow.view();
    begin_bank_page("##card_challenge", ui.t(TextId::CardChallengeTitle));
    text_wrapped_sized(ui.t(TextId::CardChallengeIntro), size::kDetail, color::kText);
    result_message(flow.last_result(), flow.tries_left(), l);
    const CardChallenge& challenge = flow.login().challenge();
    const std::string_view symbols[2] = {card_symbols()[challenge.first], card_symbols()[challenge.second]};
    bool entered = false;
    if (ImGui::BeginTable("##card", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, 96.0f);
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, 110.0f);
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, 110.0f);
        ImGui::TableNextRow(ImGuiTableRowFlags_None, 36);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, color::kGridHeader);
        ImGui::TableNextColumn();
        text_sized(ui.t(TextId::CardChallengeSymbolRow), size::kDetail, color::kText);
        for (std::string_view s : symbols) {
            ImGui::TableNextColumn();
            text_sized(std::string(s).c_str(), size::kHeading, color::kText);
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text_sized(ui.t(TextId::CardChallengeNumberRow), size::kDetail, color::kText);
        ShortField* fields[2] = {&view.card_first, &view.card_second};
        const AdminFlow::Field ids[2] = {AdminFlow::Field::CardFirst, AdminFlow::Field::CardSecond};
        for (int i = 0; i < 2; ++i) {
            ImGui::TableNextColumn();
            FieldSpec spec;
            const std::string label = std::string(symbols[i]);
            spec.label = label.c_str();  // the symbol names the field: 「オ」 (shown in the header row)
            spec.hide_label = true;
            spec.secret = true;
            spec.digits = true;
            spec.error = flow.field_error(ids[i]);
            spec.width = 90.0f;
            entered |= input_field(i == 0 ? "first" : "second", *fields[i], spec, l);
        }
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::OsOk)) || entered) ui.emit(cmd::SubmitCardAnswers{Secret(view.card_first), Secret(view.card_second)});
    ImGui::SameLine();
    if (button(ui.t(TextId::Close))) ui.emit(cmd::LeaveFlow{});
    ImGui::Dummy(ImVec2(0, 6));
    text_wrapped_sized(ui.t(TextId::CardChallengeHelp), size::kSmall, color::kTextMuted);
    end_card();
}

}  // namespace cp::ui
