// 管理者電子証明書取得 (after 電子証明書再発行依頼書 at the branch): 契約者ID + ご契約先暗証番号 → 次へ →
// the web access confirmation → 電子証明書発行処理中 → 取得完了. The seeds give no screens for it: the
// pages follow the user's pickup in IE mode with the administrator's secrets.
#include "admin/admin_screens.h"
#include "desk/desk.h"
#include "fields.h"
#include "os/certificate_operation_dialogs.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

void draw_enter_ids(const Ui& ui, AdminPickupFlow& flow) {
    const Language l = ui.lang();
    AdminPickupFlow::View& view = flow.view();
    text_wrapped_sized(ui.t(TextId::PickupIntro), size::kDetail, color::kText);
    result_message(flow.last_result(), flow.tries_left(), l);
    FieldSpec id;
    id.label = ui.t(TextId::FieldContractId);
    id.error = flow.field_error(AdminPickupFlow::Field::ContractId);
    id.digits = true;
    bool entered = input_field("contract_id", view.contract_id, id, l);
    entered |= contract_secret_field("contract_pin", view.contract_pin, ui.t(TextId::ContractPinLabel),
                                     flow.field_error(AdminPickupFlow::Field::ContractPin), &view.reveal_contract_pin, l);
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::Next)) || entered) ui.emit(cmd::SubmitPickupIds{std::string(view.contract_id.view()), Secret(view.contract_pin)});
    ImGui::SameLine();
    if (button(ui.t(TextId::Close))) ui.emit(cmd::LeaveFlow{});
}

void draw_failed(const Ui& ui, const AdminPickupFlow& flow) {
    const FlowResult why = flow.pickup().failure();
    section_title(ui.t(TextId::AdminPickupFailedTitle), TitleTone::Error);
    if (why == FlowResult::Cancelled) error_line(ui.t(TextId::PickupDeclined));
    else result_message(why, 0, ui.lang());
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::BackToTop))) ui.emit(cmd::LeaveFlow{});
}

}  // namespace

bool admin_pickup_dialog_open(const AdminPickupFlow& flow) { return flow.screen() == AdminPickupFlow::Screen::WebAccess; }

void draw_admin_pickup_dialog(const Ui& ui, AdminPickupFlow& flow) {
    if (!admin_pickup_dialog_open(flow)) return;
    const YesNo c = web_access_dialog(kSimulatedSite, ui.lang());
    if (c != YesNo::None) ui.emit(cmd::AnswerPickupWebAccess{c == YesNo::Yes});
}

void draw_admin_pickup_page(const Ui& ui, AdminPickupFlow& flow) {
    begin_bank_page("##admin_pickup", ui.t(TextId::TopAdminPickup));
    switch (flow.screen()) {
        case AdminPickupFlow::Screen::EnterIds:
        case AdminPickupFlow::Screen::WebAccess: draw_enter_ids(ui, flow); break;
        case AdminPickupFlow::Screen::Issuing: draw_enrollment_progress(ui, flow.pickup().enrollment_stage(), false); break;
        case AdminPickupFlow::Screen::Done:
            section_title(ui.t(TextId::PickupDoneTitle));
            text_wrapped_sized(ui.t(TextId::RenewalDoneOnlyThisPc), size::kDetail, color::kText);
            text_wrapped_sized(ui.t(TextId::RenewalDoneOneYear), size::kDetail, color::kText);
            text_wrapped_sized(ui.t(TextId::PickupDoneHint), size::kDetail, color::kText);
            ImGui::Dummy(ImVec2(0, 6));
            if (button(ui.t(TextId::BackToTop))) ui.emit(cmd::LeaveFlow{});
            break;
        case AdminPickupFlow::Screen::Failed: draw_failed(ui, flow); break;
        case AdminPickupFlow::Screen::Count_: break;
    }
    end_card();
}

}  // namespace cp::ui
