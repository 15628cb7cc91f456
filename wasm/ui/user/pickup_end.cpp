// The ends of the pickup, and of a failed login: IE mode's 電子証明書発行処理中 (the page waits for
// the PC and the CA; no animation, the page redraws when they finish), 「電子証明書 取得完了」 (with
// the seed's IE-mode note: no transactions, leave IE mode), and the failure page — the seed's
// reason and, for a pickup or a login with an expired certificate, that the administrator must
// reissue.
#include <algorithm>
#include <iterator>

#include "fields.h"
#include "format.h"
#include "theme.h"
#include "user/user_screens.h"
#include "tls/handshake_viewer.h"
#include "widgets.h"

namespace cp::ui {

void draw_pickup_issuing(const Ui& ui, UserFlow& flow) {
    begin_bank_page("##pickup_issuing", ui.t(TextId::PickupIssuingTitle));
    draw_pickup_deadline(ui, flow);
    text_wrapped_sized(ui.t(TextId::PickupIssuingWait), size::kDetail, color::kText, TextKind::Status);
    static constexpr TextId kSteps[] = {TextId::AppStepKeyPair, TextId::AppStepRequest, TextId::AppStepProtection,
                                        TextId::AppStepIssuing, TextId::AppStepInstalling};
    const unsigned count = static_cast<unsigned>(std::size(kSteps));
    const unsigned current = std::min(static_cast<unsigned>(flow.progress()), count);
    ImGui::ProgressBar(static_cast<float>(current) / static_cast<float>(count), ImVec2(-FLT_MIN, 8), "");
    // The step at work, announced (politely) as it moves.
    text_wrapped_sized(formatf(ui.t(TextId::IssuingProgressFormat), current, count, ui.t(kSteps[std::min(current, count - 1)])).c_str(),
                       size::kSmall, color::kTextMuted, TextKind::Status);
    end_card();
}

void draw_pickup_done(const Ui& ui, UserFlow& flow) {
    page_title(ui.t(TextId::PickupDoneTitle));  // once: the page's title says it
    begin_card("##pickup_done", ImVec2(-FLT_MIN, 0));
    text_wrapped_sized(ui.t(TextId::PickupDoneBody), size::kDetail, color::kText);
    if (flow.path() == AcquisitionPath::InternetExplorerMode) {
        ImGui::Dummy(ImVec2(0, 4));
        text_wrapped_sized(ui.t(TextId::PickupDoneIeNote), size::kDetail, color::kAccent);
        if (button(ui.t(TextId::BrowserMenuIeLeave))) ui.emit(cmd::LeaveIeMode{});
        ImGui::SameLine();
    }
    if (button(ui.t(TextId::BackToTop))) ui.emit(cmd::LeaveFlow{});
    end_card();
}

void draw_user_failure(const Ui& ui, UserFlow& flow) {
    const bool pickup = flow.mode() == UserFlow::Mode::Pickup;
    begin_bank_page("##user_failure", ui.t(pickup ? TextId::PickupFailedTitle : TextId::FailureTitle), TitleTone::Error);
    result_message(flow.failure(), 0, ui.lang());
    // A pickup used up (or never there) needs a reissue: the seed's sentence says where. A token,
    // a suspension or a lock is the administrator's (or the branch's) other business.
    const FlowResult why = flow.failure();
    // At 利用者ログイン, an expired or revoked certificate is past renewing: seed 001's reissue.
    const bool reissue = pickup ? why != BankResult::UserSuspended && why != BankResult::ContractLocked &&
                                      why != BankResult::NoTokenRegistered && why != BankResult::UserAccidentRegistered
                                : why == BankResult::CertificateExpired || why == BankResult::CertificateRevoked;
    if (reissue) text_wrapped_sized(ui.t(TextId::PickupFailedAskAdmin), size::kDetail, color::kText);
    ImGui::Dummy(ImVec2(0, 4));
    if (button(ui.t(TextId::BackToTop))) ui.emit(cmd::LeaveFlow{});
    // 利用者ログイン's handshake, one click away (a pickup has no certificate login).
    if (!pickup) {
        ImGui::SameLine();
        handshake_viewer_button(ui, last_handshake(ui.session));
    }
    end_card();
}

}  // namespace cp::ui
