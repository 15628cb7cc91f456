// The bank's mail on the simulated desk (seed 000: 電子証明書更新のお知らせ arrives by mail): the
// list, newest first, with 未読 marks; opening a mail marks it read (cmd::ReadMail). The bank
// sends the mails itself as the simulated clock moves (bank.h: process_due_work).
#include <string>

#include "desk/desk.h"
#include "format.h"
#include "imgui.h"
#include "portal/messages.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

std::string subject(const Ui& ui, const Mail& m) {
    std::string s = ui.t(mail_subject_text(m.kind));
    if (!m.holder.is_admin()) s += " (" + m.holder.user_id() + ")";
    return s;
}

std::string body(const Ui& ui, const Mail& m) {
    const std::string about = format_date_time(m.about, ui.lang());
    const bool admin = m.holder.is_admin();
    const char* user = m.holder.user_id().c_str();
    switch (m.kind) {
        case MailKind::RenewalReminder:
            return admin ? formatf(ui.t(TextId::MailBodyRenewalAdmin), about.c_str())
                         : formatf(ui.t(TextId::MailBodyRenewalUser), user, about.c_str());
        case MailKind::CertificateExpired:
            return admin ? formatf(ui.t(TextId::MailBodyExpiredAdmin), about.c_str())
                         : formatf(ui.t(TextId::MailBodyExpiredUser), user, about.c_str());
        case MailKind::UserCertificateReissued: return formatf(ui.t(TextId::MailBodyUserReissued), user, about.c_str());
        case MailKind::AdminCertificateReissued: return formatf(ui.t(TextId::MailBodyAdminReissued), about.c_str());
        case MailKind::CardReissued: return ui.t(TextId::MailBodyCardReissued);
        case MailKind::ContractUnlocked: return ui.t(TextId::MailBodyUnlocked);
        case MailKind::Count_: break;
    }
    return {};
}

}  // namespace

void draw_mailbox(const Ui& ui, const BankView& bank) {
    const Language l = ui.lang();
    const std::vector<Mail>& mails = bank.mailbox();
    for (const Mail& m : mails) {
        if (m.id != ui.session.desk().open_mail()) continue;
        text_wrapped_sized(subject(ui, m).c_str(), size::kHeading, color::kText);
        text_sized(format_date_time(m.sent_at, l).c_str(), size::kSmall, color::kTextMuted);
        ImGui::Separator();
        text_wrapped_sized(body(ui, m).c_str(), size::kSmall + 1.5f, color::kText);
        ImGui::Dummy(ImVec2(0, 6));
        if (button(ui.t(TextId::MailBackToList))) ui.emit(cmd::ReadMail{0});
        return;
    }
    if (mails.empty()) {
        text_wrapped_sized(ui.t(TextId::MailboxEmpty), size::kDetail, color::kText);
        return;
    }
    ImGui::BeginChild("##mails", ImVec2(-FLT_MIN, std::min(420.0f, 48.0f * static_cast<float>(mails.size()) + 8.0f)));
    for (auto it = mails.rbegin(); it != mails.rend(); ++it) {  // newest first
        const Mail& m = *it;
        ImGui::PushID(static_cast<int>(m.id));
        if (!m.read) {
            text_sized(ui.t(TextId::MailUnread), size::kSmall, color::kAccent);
            ImGui::SameLine();
        }
        if (ImGui::Selectable(subject(ui, m).c_str(), false, ImGuiSelectableFlags_None, ImVec2(0, selectable_height())))
            ui.emit(cmd::ReadMail{m.id});
        text_sized(format_date_time(m.sent_at, l).c_str(), size::kSmall - 1, color::kTextMuted);
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace cp::ui
