// The administrator's menu after the login (seed 001 (8)): the tabs メイン | ご契約先認証情報変更 |
// ご契約先管理情報変更, ▼ ご契約先ステータス表示, ▶ 操作履歴監査 (the audit log, with a check of its
// hash chain), お知らせ; ご契約先管理情報変更 lists 利用者情報登録／変更 and the seed's other entries,
// which are outside the certificate procedures and so disabled with a tooltip.
#include <algorithm>

#include "admin/admin_screens.h"
#include "fields.h"
#include "format.h"
#include "portal/messages.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

constexpr std::size_t kAuditRowsShown = 50;

void tab_button(const Ui& ui, const AdminFlow& flow, MenuTab tab, TextId label) {
    const bool current = flow.tab() == tab;
    ImGui::PushStyleColor(ImGuiCol_Button, current ? color::kTitleBar : color::kCard);
    ImGui::PushStyleColor(ImGuiCol_Text, current ? IM_COL32_WHITE : color::kTitleBar);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    if (ImGui::Button(ui.t(label)) && !current) ui.emit(cmd::SelectMenuTab{tab});
    widget_registry_describe_last(WidgetRole::Tab, {}, current);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

// ▼ / ▶ section header: a button that toggles the section.
bool section_header(const Ui& ui, const AdminFlow& flow, MenuSection section, TextId label) {
    const bool open = flow.section_open(section);
    ImGui::PushStyleColor(ImGuiCol_Button, color::kGridHeader);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
    const std::string name = std::string(ui.t(open ? TextId::MarkExpanded : TextId::MarkCollapsed)) + ui.t(label);
    if (ImGui::Button(name.c_str(), ImVec2(-FLT_MIN, 0))) ui.emit(cmd::ToggleMenuSection{section});
    widget_registry_describe_last_expander(open);
    ImGui::PopStyleColor(2);
    return open;
}

void draw_status(const Ui& ui, const AdminFlow& flow) {
    const Language l = ui.lang();
    const BankView bank = flow.bank_view();
    const auto pending = static_cast<unsigned>(bank.pending_pickups());
    if (ImGui::BeginTable("##status", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        // Fixed shares, both columns wrapping: sized by their contents, the one-line names took
        // nearly all of a phone's width and the dates broke after every few characters.
        ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        key_value_row(ui.t(TextId::StatusLastLogon), flow.previous_logon() != 0 ? format_date_time(flow.previous_logon(), l) : ui.t(TextId::StatusFirstLogon), true);
        key_value_row(ui.t(TextId::StatusCertificateExpiry), format_date_time(bank.contract().admin_certificate.not_after, l), true);
        key_value_row(ui.t(TextId::StatusPendingPickups), formatf(ui.t(TextId::PeopleCountFormat), pending), true);
        key_value_row(ui.t(TextId::StatusUsers), formatf(ui.t(TextId::PeopleCountFormat), static_cast<unsigned>(bank.users().size())), true);
        ImGui::EndTable();
    }
}

const char* actor_text(const Ui& ui, const std::string& actor) {
    const AuditActor kind = audit_actor_of(actor);
    return kind == AuditActor::User ? actor.c_str() : ui.t(audit_actor_text(kind));  // a user: the 利用者ID
}

void draw_audit(const Ui& ui, const AdminFlow& flow) {
    const Language l = ui.lang();
    const std::vector<AuditEntry>& entries = flow.bank_view().audit().entries();
    if (button(ui.t(TextId::AuditVerify))) ui.emit(cmd::VerifyAuditLog{});
    if (const std::optional<AuditCheck>& check = flow.audit_check()) {
        if (check->intact())
            text_wrapped_sized(formatf(ui.t(TextId::AuditIntact), static_cast<unsigned>(check->entries)).c_str(), size::kDetail, color::kTitleBar);
        else
            error_line(formatf(ui.t(TextId::AuditBroken), static_cast<unsigned>(check->first_invalid + 1)).c_str());
    }
    text_sized(formatf(ui.t(TextId::AuditShowingLatest), static_cast<unsigned>(kAuditRowsShown)).c_str(), size::kSmall, color::kTextMuted);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    const std::size_t rows = std::min(entries.size(), kAuditRowsShown);
    const float height = std::min(360.0f, static_cast<float>(rows + 1) * (ImGui::GetTextLineHeightWithSpacing() + 6));
    if (ImGui::BeginTable("##audit", 5, flags, ImVec2(-FLT_MIN, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (TextId h : {TextId::AuditTime, TextId::AuditActor, TextId::AuditOperation, TextId::AuditTarget, TextId::AuditResult})
            ImGui::TableSetupColumn(ui.t(h));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const AuditEntry& e = entries[entries.size() - 1 - static_cast<std::size_t>(i)];  // newest first
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                cell_text(format_date_time(e.time, l).c_str());
                ImGui::TableNextColumn();
                cell_text(actor_text(ui, e.actor));
                ImGui::TableNextColumn();
                cell_text(ui.t(audit_action_text(e.action)));
                ImGui::TableNextColumn();
                cell_text(e.target.c_str());
                ImGui::TableNextColumn();
                if (e.result == FlowResult::Ok) cell_text(ui.t(TextId::ResultColumnOk));
                else cell_text(ui.t(result_text(e.result)), color::kError);  // as the screen said it
            }
        }
        ImGui::EndTable();
    }
}

// An entry of a menu list: "名前 >" as a link-like button; unavailable ones disabled, explained.
bool menu_entry(const char* label, bool available, const char* why) {
    const std::string name = std::string(label) + " >";
    return wide_button(name.c_str(), 40.0f, available, why);
}

}  // namespace

void draw_admin_session_bar(const Ui& ui, const AdminFlow& flow) {
    const Contract& contract = flow.bank_view().contract();
    begin_card("##session_bar", ImVec2(-FLT_MIN, 0));
    text_sized(contract.company.c_str(), size::kHeading, color::kText);
    ImGui::SameLine();
    const float logoff_w = ImGui::CalcTextSize(ui.t(TextId::MenuLogoff)).x + ImGui::GetStyle().FramePadding.x * 2;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > logoff_w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - logoff_w);
    if (button(ui.t(TextId::MenuLogoff))) ui.emit(cmd::LeaveFlow{});
    end_card();
    ImGui::Dummy(ImVec2(0, 2));
}

void draw_admin_menu(const Ui& ui, AdminFlow& flow) {
    draw_admin_session_bar(ui, flow);
    tab_button(ui, flow, MenuTab::Main, TextId::MenuTabMain);
    ImGui::SameLine(0, 4);
    tab_button(ui, flow, MenuTab::AuthenticationInfo, TextId::MenuTabAuth);
    ImGui::SameLine(0, 4);
    tab_button(ui, flow, MenuTab::ManagementInfo, TextId::MenuTabManagement);
    const char* outside = ui.t(TextId::OutsideCertificateProcedures);
    // 証明書更新 exists only inside the renewal window (docs/domain.md: 30 days before expiry); after
    // expiry the administrator cannot log on at all and the branch reissues.
    const bool renewal = flow.renewal_offered();
    const std::string not_open = formatf(ui.t(TextId::RenewalNotOpenFormat), flow.bank_view().renewal_window_days());
    begin_card("##menu", ImVec2(-FLT_MIN, 0));
    switch (flow.tab()) {
        case MenuTab::Main:
            if (renewal && wide_button(ui.t(TextId::AuthRenewCertificate), 40.0f, true, nullptr)) ui.emit(cmd::OpenRenewal{});
            if (section_header(ui, flow, MenuSection::Status, TextId::MenuStatus)) draw_status(ui, flow);
            if (section_header(ui, flow, MenuSection::AuditLog, TextId::MenuAudit)) draw_audit(ui, flow);
            section_title(ui.t(TextId::MenuNotices));
            if (renewal) {
                text_wrapped_sized(ui.t(TextId::NoticeRenewAdminCertificate), size::kSmall + 1.5f, color::kAccent);
                if (button(ui.t(TextId::RenewalNoticeLink))) ui.emit(cmd::OpenRenewal{});
            } else {
                text_wrapped_sized(ui.t(TextId::MenuNoNotices), size::kDetail, color::kText);
            }
            break;
        case MenuTab::AuthenticationInfo:
            section_title(ui.t(TextId::MenuTabAuth));
            menu_entry(ui.t(TextId::AuthChangeContractPin), false, outside);
            menu_entry(ui.t(TextId::AuthChangeConfirmationPin), false, outside);
            if (menu_entry(ui.t(TextId::AuthRenewCertificate), renewal, not_open.c_str())) ui.emit(cmd::OpenRenewal{});
            break;
        case MenuTab::ManagementInfo:
            section_title(ui.t(TextId::MenuTabManagement));
            if (menu_entry(ui.t(TextId::MgmtUserInfo), true, nullptr)) ui.emit(cmd::OpenUserMaintenance{});
            for (TextId id : {TextId::MgmtAccounts, TextId::MgmtFileTransfer, TextId::MgmtLimits, TextId::MgmtFeeMaster})
                menu_entry(ui.t(id), false, outside);
            break;
    }
    end_card();
}

}  // namespace cp::ui
