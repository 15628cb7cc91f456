// 利用者情報変更 (seed 001 (10)): the user's ID; 利用者電子証明書の再発行・失効 with the certificate
// record (発行番号, ステータス, 発行データ登録日, the real serial, 有効期間終了日時); 現在の電子証明書を
// 継続する / 再発行 / 失効 (with a reason); ご契約先確認暗証番号 → OK; and the seed's memo beside it.
#include <algorithm>
#include <string>
#include <vector>

#include "admin/admin_screens.h"
#include "fields.h"
#include "format.h"
#include "portal/messages.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

// A value's least width: its widest space-separated part kept whole (a date on one line).
float widest_part(const std::string& value, float size) {
    ImGui::PushFont(nullptr, size);
    float w = 0.0f;
    for (std::size_t at = 0; at <= value.size();) {
        const std::size_t end = std::min(value.find(' ', at), value.size());
        w = std::max(w, ImGui::CalcTextSize(value.data() + at, value.data() + end).x);
        at = end + 1;
    }
    ImGui::PopFont();
    return w;
}

// The one-row record's column widths (cell contents, without padding) in `avail`: the old fixed
// proportions, but no column below its header's widest word (a header breaks between words, never
// inside one: "Certificat" / "e") or its value's widest part; a column held at its least width
// leaves the rest to the others in their proportions. Measured from the unwrapped text, not from
// the wrapped result, so the widths do not feed back into each other. Empty when the words do not
// fit side by side: the record is then one line per item.
std::vector<float> certificate_columns(const TextId (&headers)[5], const std::string (&values)[5], float avail, Language l) {
    constexpr float kWeights[] = {1.0f, 1.0f, 1.4f, 2.4f, 1.6f};
    constexpr std::size_t kSerial = 3;  // a serial (hex digits) may break anywhere
    const float padding = 2 * ImGui::GetStyle().CellPadding.x + 1.0f;  // each cell's, and its border
    float rest = avail - 5 * padding - 1.0f;
    float least[5];
    float total_least = 0.0f;
    for (std::size_t i = 0; i < 5; ++i) {
        least[i] = wrapped_text_min_width(text(headers[i], l), size::kSmall);
        if (i != kSerial) least[i] = std::max(least[i], widest_part(values[i], size::kSmall + 0.5f));
        total_least += least[i];
    }
    if (avail < size::kCertificateRowMinWidth || total_least > rest) return {};
    std::vector<float> widths(5, 0.0f);  // 0: not held at its least width yet
    for (bool held = true; held;) {
        held = false;
        float weights = 0.0f;
        for (std::size_t i = 0; i < 5; ++i)
            if (widths[i] == 0.0f) weights += kWeights[i];
        for (std::size_t i = 0; i < 5; ++i) {
            if (widths[i] != 0.0f || rest * kWeights[i] / weights >= least[i]) continue;
            widths[i] = least[i];
            rest -= least[i];
            held = true;
        }
        if (!held)
            for (std::size_t i = 0; i < 5; ++i)
                if (widths[i] == 0.0f) widths[i] = rest * kWeights[i] / weights;
    }
    return widths;
}

void draw_certificate_table(const Ui& ui, const User& u, SimTime now) {
    const Language l = ui.lang();
    const CertificateRecord& r = u.certificate;
    const TextId headers[] = {TextId::CertIssueNumber, TextId::CertStatusLabel, TextId::CertRegistered, TextId::CertSerial, TextId::CertNotAfter};
    const std::string values[] = {formatf("%03u", r.issue_number), ui.t(certificate_status_text(effective_status(r, now))),
                                  r.registered_at != 0 ? format_date(r.registered_at, l) : "-",
                                  r.serial.empty() ? "-" : r.serial, r.not_after != 0 ? format_date_time(r.not_after, l) : "-"};
    // Wide screens: one row as in the seed; narrow ones: one line per item.
    const std::vector<float> columns = certificate_columns(headers, values, ImGui::GetContentRegionAvail().x, l);
    if (!columns.empty()) {
        if (ImGui::BeginTable("##certificate", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
            for (float w : columns) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, w);
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
            for (TextId h : headers) {
                ImGui::TableNextColumn();
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, color::kGridHeader);
                text_wrapped_sized(ui.t(h), size::kSmall, color::kText);
            }
            ImGui::TableNextRow();
            for (std::size_t i = 0; i < 5; ++i) {
                ImGui::TableNextColumn();
                text_wrapped_sized(values[i].c_str(), i == 3 ? size::kSmall : size::kSmall + 0.5f, color::kText);
            }
            ImGui::EndTable();
        }
        return;
    }
    // Fixed proportions, not measured from the content: the keys wrap to the width they are
    // given, and widths measured from wrapped text would feed back into each other.
    if (ImGui::BeginTable("##certificate", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 1.6f);
        for (std::size_t i = 0; i < 5; ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text_wrapped_sized(ui.t(headers[i]), size::kSmall, color::kTextMuted);
            ImGui::TableNextColumn();
            text_wrapped_sized(values[i].c_str(), size::kSmall, color::kText);
        }
        ImGui::EndTable();
    }
}

void draw_memo(const Ui& ui, const User& u) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kWarningBg);
    begin_card("##memo", ImVec2(-FLT_MIN, 0));
    text_sized(ui.t(TextId::MemoTitle), size::kSmall + 2, color::kAccent);
    text_wrapped_sized(ui.t(TextId::MemoTellUserId), size::kSmall + 0.5f, color::kText);
    text_wrapped_sized(ui.t(TextId::MemoTokenNeeded), size::kSmall + 0.5f, color::kText);
    const bool has_token = u.token.registered();
    text_wrapped_sized(ui.t(has_token ? TextId::MemoUserHasToken : TextId::MemoUserHasNoToken), size::kSmall + 0.5f,
                       has_token ? color::kTitleBar : color::kError);
    end_card();
    ImGui::PopStyleColor();
}

}  // namespace

void draw_admin_user_edit(const Ui& ui, AdminFlow& flow) {
    const Language l = ui.lang();
    const User* u = flow.maintenance() != nullptr ? flow.maintenance()->selected() : nullptr;
    if (u == nullptr) return;  // the procedure always has a user here
    AdminFlow::View& view = flow.view();
    draw_admin_session_bar(ui, flow);
    page_title(ui.t(TextId::UserEditTitle));
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_memo = avail >= size::kSideMemoMinWidth;
    const float main_w = side_memo ? avail * 0.64f : avail;
    begin_card("##user_edit", ImVec2(main_w, 0));
    section_title(ui.t(TextId::UserEditSection));
    text_sized(ui.t(TextId::ColUserId), size::kDetail, color::kTextMuted);
    ImGui::SameLine();
    text_sized(u->id.c_str(), size::kHeading, color::kText);
    section_title(ui.t(TextId::UserCertSection));
    draw_certificate_table(ui, *u, flow.bank_view().now());
    const std::pair<UserCertificateAction, TextId> actions[] = {{UserCertificateAction::Continue, TextId::ActionContinue},
                                                                {UserCertificateAction::Reissue, TextId::ActionReissue},
                                                                {UserCertificateAction::Revoke, TextId::ActionRevoke}};
    for (const auto& [action, label] : actions)
        if (radio_button(ui.t(label), flow.certificate_action() == action)) ui.emit(cmd::SetCertificateAction{action});
    if (flow.certificate_action() == UserCertificateAction::Revoke) {
        text_sized(ui.t(TextId::RevokeReasonLabel), size::kDetail, color::kText);
        const std::pair<RevokeReason, TextId> reasons[] = {{RevokeReason::Lost, TextId::RevokeReasonLost},
                                                           {RevokeReason::PcReplaced, TextId::RevokeReasonPc},
                                                           {RevokeReason::LeftCompany, TextId::RevokeReasonLeft},
                                                           {RevokeReason::Other, TextId::RevokeReasonOther}};
        ImGui::Indent(24);
        for (const auto& [reason, label] : reasons)
            if (radio_button(ui.t(label), flow.revoke_reason() == reason)) ui.emit(cmd::SetRevokeReason{reason});
        ImGui::Unindent(24);
        // Said until a reason is chosen (not until the next OK).
        if (flow.field_error(AdminFlow::Field::RevokeReason) != InputError::None && flow.revoke_reason() == RevokeReason::None)
            error_line(ui.t(TextId::InputEmpty));
    }
    section_title(ui.t(TextId::ConfirmationPinSection));
    result_message(flow.last_result(), flow.tries_left(), l);
    const bool entered = contract_secret_field("confirmation_pin", view.confirmation_pin, ui.t(TextId::ConfirmationPinLabel),
                                               flow.field_error(AdminFlow::Field::ConfirmationPin), &view.reveal_confirmation_pin, l);
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::OsOk)) || entered) ui.emit(cmd::SubmitCertificateAction{Secret(view.confirmation_pin)});
    ImGui::SameLine();
    if (button(ui.t(TextId::ReturnToMenu))) ui.emit(cmd::ReturnToMenu{});
    end_card();
    if (side_memo) ImGui::SameLine();
    else ImGui::Dummy(ImVec2(0, 4));
    ImGui::BeginGroup();
    draw_memo(ui, *u);
    ImGui::EndGroup();
}

}  // namespace cp::ui
