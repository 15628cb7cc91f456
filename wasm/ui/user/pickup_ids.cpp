// ID・暗証番号の入力 (seed 001 part 2 (4) / IE mode (5)): ① 契約者ID(利用者番号), ② 利用者ID,
// ③ 利用者暗証番号 with the seed's three footnotes, ソフトウェアキーボード入力, 次へ. Each field shows its
// own message; a wrong PIN says how many tries are left before 利用中止.
#include "fields.h"
#include "theme.h"
#include "user/user_screens.h"
#include "widgets.h"

namespace cp::ui {

void draw_pickup_ids(const Ui& ui, UserFlow& flow) {
    const Language l = ui.lang();
    UserFlow::View& view = flow.view();
    begin_bank_page("##pickup_ids", ui.t(TextId::PickupTitle));
    section_title(ui.t(TextId::PickupIdsTitle));
    disabled_link(ui.t(TextId::PickupHowTo), ui.t(TextId::PickupHowToNotYet));
    text_wrapped_sized(ui.t(TextId::PickupOwnPc), size::kDetail, color::kText);
    ImGui::Dummy(ImVec2(0, 4));
    result_message(flow.last_result(), flow.tries_left(), l);

    FieldSpec contract;
    contract.label = ui.t(TextId::PickupContractIdLabel);
    contract.rule = ui.t(TextId::PickupContractIdRule);
    contract.error = flow.field_error(UserFlow::Field::ContractId);
    bool entered = input_field("contract_id", view.contract_id, contract, l);
    FieldSpec user;
    user.label = ui.t(TextId::PickupUserIdLabel);
    user.rule = ui.t(TextId::PickupUserIdRule);
    user.error = flow.field_error(UserFlow::Field::UserId);
    entered |= input_field("user_id", view.user_id, user, l);
    FieldSpec pin;
    pin.label = ui.t(TextId::PickupUserPinLabel);
    pin.rule = ui.t(TextId::PickupUserPinRule);
    pin.error = flow.field_error(UserFlow::Field::UserPin);
    pin.secret = true;
    pin.reveal = &view.reveal_user_pin;
    pin.keyboard = true;
    entered |= input_field("user_pin", view.user_pin, pin, l);

    ImGui::Dummy(ImVec2(0, 4));
    for (TextId note : {TextId::PickupNote1, TextId::PickupNote2, TextId::PickupNote3})
        text_wrapped_sized(ui.t(note), size::kSmall, color::kTextMuted);
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::Next)) || entered) ui.emit(cmd::user::SubmitIds{std::string(view.contract_id.view()), std::string(view.user_id.view()), Secret(view.user_pin)});
    ImGui::SameLine();
    if (button(ui.t(TextId::Close))) ui.emit(cmd::LeaveFlow{});
    end_card();
}

}  // namespace cp::ui
