// お取引店: the paper forms the seeds send a person to the branch with — 暗証番号閉塞解除依頼書
// (a locked contract), お客様カード再発行依頼書 (a lost card: 2–3 weeks, a fee), 電子証明書再発行依頼書
// (an expired or deleted administrator certificate) — handed in here and processed by the bank on
// the simulated clock (BankConfig's delays): 受付 on the day, 処理中 until ready, then 完了 and a mail.
#include <string>

#include "desk/desk.h"
#include "fields.h"
#include "format.h"
#include "imgui.h"
#include "portal/messages.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

struct Form {
    BranchRequestKind kind;
    TextId name;
    TextId when;
};
constexpr Form kForms[] = {
    {BranchRequestKind::UnlockPins, TextId::BranchFormUnlock, TextId::BranchUnlockWhen},
    {BranchRequestKind::ReissueCard, TextId::BranchFormCard, TextId::BranchCardWhen},
    {BranchRequestKind::ReissueAdminCertificate, TextId::BranchFormCert, TextId::BranchCertWhen},
};

const Form& form_of(BranchRequestKind kind) {
    for (const Form& f : kForms)
        if (f.kind == kind) return f;
    return kForms[0];
}

// The seeds' full name: the service's name, then the form's (「シティ信金ビジネスダイレクト暗証番号閉塞解除依頼書」).
std::string form_name(const Ui& ui, BranchRequestKind kind) {
    return formatf(ui.t(TextId::BranchFormNameFormat), ui.state.brand.service_name.in(ui.lang()).c_str(), ui.t(form_of(kind).name));
}

// 受付, 処理中, 完了, in BranchRequestStatus's order (BankView::status says which).
constexpr TextId kStatusText[] = {TextId::BranchStatusReceived, TextId::BranchStatusProcessing, TextId::BranchStatusDone};
static_assert(std::size(kStatusText) == static_cast<std::size_t>(BranchRequestStatus::Count_));

}  // namespace

void draw_branch_counter(const Ui& ui, const BankView& bank) {
    const Language l = ui.lang();
    text_wrapped_sized(ui.t(TextId::BranchIntro), size::kSmall, color::kText);
    for (const Form& f : kForms) {
        ImGui::PushID(static_cast<int>(f.kind));
        ImGui::Separator();
        const std::string name = form_name(ui, f.kind);
        text_wrapped_sized(name.c_str(), size::kSmall + 1.5f, color::kText);
        text_wrapped_sized(ui.t(f.when), size::kSmall, color::kTextMuted);
        // Each button names its form: a person (and a test) tells the three apart by their words.
        if (button(formatf(ui.t(TextId::BranchSubmitFormat), ui.t(f.name)).c_str())) ui.emit(cmd::SubmitBranchRequest{f.kind});
        ImGui::PopID();
    }
    if (ui.session.last_result() != FlowResult::Ok) result_message(ui.session.last_result(), 0, l);
    ImGui::Separator();
    text_sized(ui.t(TextId::BranchRequests), size::kDetail, color::kText);
    const std::vector<BranchRequest>& requests = bank.branch_requests();
    if (requests.empty()) text_wrapped_sized(ui.t(TextId::BranchNoRequests), size::kSmall, color::kTextMuted);
    for (auto it = requests.rbegin(); it != requests.rend(); ++it) {  // newest first
        const BranchRequest& r = *it;
        const TextId status = kStatusText[static_cast<std::size_t>(bank.status(r))];
        const std::string line = form_name(ui, r.kind) + "  [" + ui.t(status) + "]";
        labelled_text(line.c_str(), size::kSmall + 0.5f, status == TextId::BranchStatusDone ? color::kTitleBar : color::kText);
        text_sized(formatf(ui.t(TextId::BranchSubmittedFormat), format_date(r.submitted_at, l).c_str(), format_date(r.ready_at, l).c_str()).c_str(),
                   size::kSmall - 1, color::kTextMuted);
    }
}

}  // namespace cp::ui
