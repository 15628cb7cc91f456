// 証明書更新's pages (seed 000 (6)-(12)): 電子証明書の更新 with 更新, the page under the OS dialogs,
// 電子証明書発行処理中 with the PC's and the CA's progress (it moves on by itself: the procedure's
// step changes when the work completes), 電子証明書のインストールが完了しました with the seed's notes,
// and the stop after いいえ / キャンセル (nothing installed, the old certificate still works).
#include "admin/admin_screens.h"
#include "fields.h"
#include "format.h"
#include "renewal/renewal_screens.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

void note(const char* text) { text_wrapped_sized(text, size::kDetail, color::kText); }

// The sentences that name the holder: the administrator's (seed 000) or a user's own (seed 000 A3).
struct RenewalHolder {
    TextId from_this_pc;   // ◆…のパソコンから操作してください。
    TextId intro;          // …の電子証明書を更新します。
    TextId only_this_pc;   // * …以外では…のログオンはできません。
    SimTime current_expiry = 0;  // the certificate being renewed
};

RenewalHolder renewal_holder(const Holder& holder, const BankView& bank) {
    const CertificateRecord* record = bank.certificate_of(holder);
    const SimTime expiry = record != nullptr ? record->not_after : 0;
    if (holder.is_admin()) return {TextId::RenewalFromThisPc, TextId::RenewalIntro, TextId::RenewalDoneOnlyThisPc, expiry};
    return {TextId::UserRenewalFromThisPc, TextId::UserRenewalIntro, TextId::UserRenewalDoneOnlyThisPc, expiry};
}

void draw_start(const Ui& ui, const RenewalHolder& holder) {
    note(ui.t(holder.from_this_pc));
    note(ui.t(holder.intro));
    note(formatf(ui.t(TextId::RenewalCurrentExpiry), format_date_time(holder.current_expiry, ui.lang()).c_str()).c_str());
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::RenewalUpdate))) ui.emit(cmd::StartRenewal{});
    ImGui::SameLine();
    if (button(ui.t(TextId::ReturnToMenu))) ui.emit(cmd::CloseRenewal{});
}

void draw_done(const Ui& ui, const RenewalFlow& flow, const RenewalHolder& holder) {
    section_title(ui.t(TextId::RenewalDoneTitle));
    const std::string& serial = flow.renewal().new_serial();
    const InstalledCertificate* installed = nullptr;
    if (const PcCertificateStore* pc = ui.session.pc_store(ui.session.desk().pc())) installed = pc->find(serial);
    if (installed != nullptr)
        note(formatf(ui.t(TextId::RenewalDoneExpiry), format_date_time(installed->not_after, ui.lang()).c_str()).c_str());
    ImGui::Dummy(ImVec2(0, 4));
    note(ui.t(holder.only_this_pc));
    note(ui.t(TextId::RenewalDoneOneYear));
    ImGui::Dummy(ImVec2(0, 4));
    text_wrapped_sized(ui.t(TextId::RenewalDoneDeleteOld), size::kDetail, color::kAccent);
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::CloseThisWindow))) ui.emit(cmd::CloseRenewal{});
}

void draw_failed(const Ui& ui, const RenewalFlow& flow) {
    const FlowResult why = flow.renewal().failure();
    section_title(ui.t(TextId::RenewalFailedTitle), TitleTone::Error);
    if (why == FlowResult::Cancelled || why == PcResult::InstallDeclined) error_line(ui.t(TextId::RenewalDeclined));
    else result_message(why, 0, ui.lang());
    note(ui.t(TextId::RenewalNothingInstalled));
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::ReturnToMenu))) ui.emit(cmd::CloseRenewal{});
}

}  // namespace

void draw_renewal_page(const Ui& ui, RenewalFlow& flow, const BankView& bank) {
    const RenewalHolder holder = renewal_holder(flow.renewal().holder(), bank);
    begin_bank_page("##renewal", ui.t(TextId::RenewalTitle));
    switch (flow.screen()) {
        case RenewalFlow::Screen::Start:
        case RenewalFlow::Screen::WebAccess:
        case RenewalFlow::Screen::Protection:
        case RenewalFlow::Screen::ProtectionSettings: draw_start(ui, holder); break;
        case RenewalFlow::Screen::Issuing:
        case RenewalFlow::Screen::Install:
            draw_enrollment_progress(ui, flow.renewal().enrollment_stage(), flow.screen() == RenewalFlow::Screen::Install);
            break;
        case RenewalFlow::Screen::Done: draw_done(ui, flow, holder); break;
        case RenewalFlow::Screen::Failed: draw_failed(ui, flow); break;
        case RenewalFlow::Screen::Count_: break;
    }
    end_card();
}

}  // namespace cp::ui
