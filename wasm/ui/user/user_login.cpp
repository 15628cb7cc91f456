// 電子証明書方式 利用者ログイン after the certificate: 利用者暗証番号 → ログイン (the IDs the
// certificate names are shown, as the manuals' login screen does), then the user's first page:
// 利用者名, 前回ログオン日時, the certificate's expiry, and inside the renewal window (30 days before
// expiry) 証明書更新 with the 重要なお知らせ 「電子証明書の更新をお願いします」 (seed 000 A3: the user
// renews too), ログオフ. The simulator has no transactions past it.
#include <string>

#include "fields.h"
#include "format.h"
#include "theme.h"
#include "user/user_screens.h"
#include "widgets.h"

namespace cp::ui {

void draw_user_login_pin(const Ui& ui, UserFlow& flow) {
    const Language l = ui.lang();
    const Contract& contract = flow.bank_view().contract();
    const User* u = flow.user();
    begin_bank_page("##user_pin", ui.t(TextId::UserLoginTitle));
    text_wrapped_sized(ui.t(TextId::UserLoginPinIntro), size::kDetail, color::kText);
    if (ImGui::BeginTable("##ids", 2, ImGuiTableFlags_SizingFixedFit)) {
        key_value_row(ui.t(TextId::FieldContractId), contract.id, false);
        if (u != nullptr) key_value_row(ui.t(TextId::ColUserId), u->id, false);
        key_value_row(ui.t(TextId::FieldBankCode), contract.bank_code, false);
        ImGui::EndTable();
    }
    result_message(flow.last_result(), flow.tries_left(), l);
    FieldSpec pin;
    pin.label = ui.t(TextId::UserLoginPinLabel);
    pin.error = flow.field_error(UserFlow::Field::LoginPin);
    pin.secret = true;
    pin.keyboard = true;
    const bool entered = input_field("login_pin", flow.view().login_pin, pin, l);
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::LogIn)) || entered) ui.emit(cmd::user::SubmitPin{Secret(flow.view().login_pin)});
    ImGui::SameLine();
    if (button(ui.t(TextId::Close))) ui.emit(cmd::LeaveFlow{});
    end_card();
}

void draw_user_landing(const Ui& ui, UserFlow& flow) {
    const Language l = ui.lang();
    const User* u = flow.user();
    if (u == nullptr) return;
    begin_bank_page("##user_landing", ui.t(TextId::UserLandingTitle));
    text_sized(formatf(ui.t(TextId::UserLandingWelcome), u->name.c_str()).c_str(), size::kHeading, color::kText);
    if (ImGui::BeginTable("##status", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        key_value_row(ui.t(TextId::ColUserName), u->name, false);
        key_value_row(ui.t(TextId::ColUserId), u->id, false);
        key_value_row(ui.t(TextId::StatusLastLogon),
                  flow.previous_logon() != 0 ? format_date_time(flow.previous_logon(), l) : ui.t(TextId::StatusFirstLogon), false);
        if (const InstalledCertificate* c = flow.login_certificate()) {
            key_value_row(ui.t(TextId::UserLandingCertExpiry), format_date_time(c->not_after, l), false);
            key_value_row(ui.t(TextId::UserLandingCertSerial), c->serial, false);
        }
        ImGui::EndTable();
    }
    // Renewal exists only inside the window; before it nothing is offered, after expiry the login
    // itself is refused and the administrator reissues (seed 001).
    const bool renewal = flow.renewal_offered();
    if (renewal && wide_button(ui.t(TextId::AuthRenewCertificate), 40.0f, true, nullptr)) ui.emit(cmd::OpenRenewal{});
    section_title(formatf(ui.t(TextId::NoticesTitleFormat), u->name.c_str()).c_str());
    if (renewal) {
        text_wrapped_sized(ui.t(TextId::NoticeRenewAdminCertificate), size::kSmall + 1.5f, color::kAccent);
        if (button(ui.t(TextId::RenewalNoticeLink))) ui.emit(cmd::OpenRenewal{});
    } else {
        text_wrapped_sized(ui.t(TextId::MenuNoNotices), size::kDetail, color::kText);
    }
    ImGui::Dummy(ImVec2(0, 4));
    text_wrapped_sized(ui.t(TextId::UserLandingNote), size::kSmall, color::kTextMuted);
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::MenuLogoff))) ui.emit(cmd::LeaveFlow{});
    end_card();
}

}  // namespace cp::ui
