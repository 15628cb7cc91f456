// 暗証番号の入力 (seed 001 part 2 (5) / IE mode (6)): ワンタイムパスワード (※1), the seed's token
// instructions beside it, 電子証明書取得. A reused code keeps the page (a new code can be typed);
// the user and the pickup deadline are shown above.
#include "fields.h"
#include "format.h"
#include "theme.h"
#include "user/user_screens.h"
#include "widgets.h"

namespace cp::ui {

void draw_pickup_deadline(const Ui& ui, const UserFlow& flow) {
    const User* u = flow.user();
    if (u == nullptr) return;
    text_sized(formatf(ui.t(TextId::PickupForUser), u->id.c_str()).c_str(), size::kDetail, color::kText);
    if (flow.pickup_deadline() != 0) {
        text_sized(formatf(ui.t(TextId::PickupDeadline), format_date_time(flow.pickup_deadline(), ui.lang()).c_str()).c_str(),
                   size::kDetail, color::kAccent);
        text_wrapped_sized(ui.t(TextId::PickupDeadlineNote), size::kSmall, color::kTextMuted);
    }
    ImGui::Dummy(ImVec2(0, 4));
}

void draw_pickup_otp(const Ui& ui, UserFlow& flow) {
    const Language l = ui.lang();
    begin_bank_page("##pickup_otp", ui.t(TextId::PickupTitle));
    section_title(ui.t(TextId::PickupOtpTitle));
    draw_pickup_deadline(ui, flow);
    result_message(flow.last_result(), flow.tries_left(), l);
    FieldSpec otp;
    otp.label = ui.t(TextId::PickupOtpLabel);
    otp.rule = ui.t(TextId::PickupOtpRule);
    otp.error = flow.field_error(UserFlow::Field::OneTimePassword);
    otp.digits = true;
    otp.width = 160.0f;
    const bool entered = input_field("one_time_password", flow.view().one_time_password, otp, l);
    text_wrapped_sized(ui.t(TextId::PickupOtpNote), size::kSmall, color::kTextMuted);
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::PickupAcquire)) || entered) ui.emit(cmd::user::SubmitOneTimePassword{Secret(flow.view().one_time_password)});
    ImGui::SameLine();
    if (button(ui.t(TextId::Close))) ui.emit(cmd::LeaveFlow{});
    ImGui::Dummy(ImVec2(0, 6));
    // The seed's box about the token.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kWarningBg);
    begin_card("##token_help", ImVec2(-FLT_MIN, 0));
    text_sized(ui.t(TextId::PickupOtpHelpTitle), size::kSmall + 1.5f, color::kText);
    for (TextId line : {TextId::PickupOtpHelp1, TextId::PickupOtpHelp2, TextId::PickupOtpHelp3, TextId::PickupOtpHelp4})
        text_wrapped_sized(ui.t(line), size::kSmall, color::kText);
    text_wrapped_sized(ui.t(TextId::PickupOtpTokenHint), size::kSmall, color::kTextMuted);
    end_card();
    ImGui::PopStyleColor();
    end_card();
}

}  // namespace cp::ui
