// 重要なお知らせ after the login (seed 001 (7)): 「しんきん商事（株）様 への重要なお知らせ」.
#include "admin/admin_screens.h"
#include "fields.h"
#include "format.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {

namespace {
TextId notice_text(NoticeKind kind) {
    switch (kind) {
        case NoticeKind::ChangeContractPin: return TextId::NoticeChangeContractPin;
        case NoticeKind::ChangeConfirmationPin: return TextId::NoticeChangeConfirmationPin;
        case NoticeKind::RenewAdminCertificate: return TextId::NoticeRenewAdminCertificate;
        case NoticeKind::Count_: break;
    }
    return TextId::NoticeChangeContractPin;
}
}  // namespace

void draw_admin_notices(const Ui& ui, AdminFlow& flow) {
    const Contract& contract = flow.bank_view().contract();
    begin_bank_page("##notices", formatf(ui.t(TextId::NoticesTitleFormat), contract.company.c_str()).c_str());
    for (NoticeKind kind : flow.login().notices()) {
        text_sized("+", size::kSmall + 2, color::kBrand);
        ImGui::SameLine(0, 8);
        text_wrapped_sized(ui.t(notice_text(kind)), size::kSmall + 1.5f, color::kText);
        // 「電子証明書の更新はこちら」: past the notices, straight to 証明書更新.
        if (kind == NoticeKind::RenewAdminCertificate && button(ui.t(TextId::RenewalNoticeLink))) {
            ui.emit(cmd::AcknowledgeNotices{});
            ui.emit(cmd::OpenRenewal{});
        }
    }
    ImGui::Dummy(ImVec2(0, 6));
    bool hide = flow.hide_notices();
    if (checkbox(ui.t(TextId::NoticesHide), &hide)) ui.emit(cmd::SetHideNotices{hide});
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::Next))) ui.emit(cmd::AcknowledgeNotices{});
    end_card();
}

}  // namespace cp::ui
