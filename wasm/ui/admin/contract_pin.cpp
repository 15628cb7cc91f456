// ご契約先暗証番号 → ログイン (seed 001 (5); seed 000 (4) says ログオン: docs/domain.md "Words on screen").
#include "admin/admin_screens.h"
#include "fields.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {

void draw_admin_contract_pin(const Ui& ui, AdminFlow& flow) {
    const Language l = ui.lang();
    AdminFlow::View& view = flow.view();
    const Contract& contract = flow.bank_view().contract();
    begin_bank_page("##contract_pin", ui.t(TextId::AdminLoginTitle));
    text_wrapped_sized(ui.t(TextId::ContractPinIntro), size::kDetail, color::kText);
    if (ImGui::BeginTable("##ids", 2, ImGuiTableFlags_SizingFixedFit)) {
        const std::pair<TextId, const std::string*> rows[] = {{TextId::FieldContractId, &contract.id},
                                                              {TextId::FieldBankCode, &contract.bank_code}};
        for (const auto& [label, value] : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text_sized(ui.t(label), size::kDetail, color::kTextMuted);
            ImGui::TableNextColumn();
            text_sized(value->c_str(), size::kDetail, color::kText);
        }
        ImGui::EndTable();
    }
    result_message(flow.last_result(), flow.tries_left(), l);
    const bool entered = contract_secret_field("contract_pin", view.contract_pin, ui.t(TextId::ContractPinLabel),
                                               flow.field_error(AdminFlow::Field::ContractPin), &view.reveal_contract_pin, l);
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::LogIn)) || entered) ui.emit(cmd::SubmitContractPin{Secret(view.contract_pin)});
    ImGui::SameLine();
    if (button(ui.t(TextId::Clear))) ui.emit(cmd::ClearContractPin{});
    ImGui::SameLine();
    if (button(ui.t(TextId::Close))) ui.emit(cmd::LeaveFlow{});
    end_card();
}

}  // namespace cp::ui
