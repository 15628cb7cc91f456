// certportal ui: the service's top page (ログイン入口), after the seeds' screenshots:
// 電子証明書方式 with 利用者ログイン, 管理者ログイン (電子証明書方式 管理者ログイン) and 電子証明書取得, and the
// 重要なお知らせ area beside it.
#include "imgui.h"
#include "portal_ui.h"
#include "theme.h"
#include "widgets.h"
#include "world_ready.h"

namespace cp::ui {
namespace {

void draw_login_card(const Ui& ui, float width) {
    const Language l = ui.lang();
    const bool ready = world_ready(ui);
    const char* waiting = world_wait_reason(ui);
    begin_card("##login", ImVec2(width, 0));
    text_sized(text(TextId::TopCertificateMethod, l), size::kHeading, color::kBrand);
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, 2));

    text_sized(text(TextId::TopUserLogin, l), size::kSmall + 1, color::kText);
    text_wrapped_sized(text(TextId::TopUserLoginHint, l), size::kSmall, color::kTextMuted);
    if (wide_button(text(TextId::TopUserLogin, l), 44.0f, ready, waiting)) ui.emit(cmd::StartUserLogin{});
    ImGui::Dummy(ImVec2(0, 6));

    text_sized(text(TextId::TopAdminLogin, l), size::kSmall + 1, color::kText);
    text_wrapped_sized(text(TextId::TopCertAdminLoginHint, l), size::kSmall, color::kTextMuted);
    if (wide_button(text(TextId::TopCertAdminLogin, l), 44.0f, ready, waiting)) ui.emit(cmd::StartAdminLogin{});
    // After 電子証明書再発行依頼書 at the branch (admin/admin_pickup.cpp).
    text_wrapped_sized(text(TextId::TopAdminPickupHint, l), size::kSmall, color::kTextMuted);
    if (wide_button(text(TextId::TopAdminPickup, l), 36.0f, ready, waiting)) ui.emit(cmd::StartAdminPickup{});
    ImGui::Dummy(ImVec2(0, 6));

    // 電子証明書取得 (初めての方はこちらから) and よくあるご質問, as in the seed's top page. The pickup is
    // made on the PC the user works on: on 管理者のパソコン the button says where to go.
    text_sized(text(TextId::TopCertAcquire, l), size::kSmall + 1, color::kText);
    text_wrapped_sized(text(TextId::TopCertAcquireFirst, l), size::kSmall, color::kTextMuted);
    const bool user_pc = ui.session.pc() == PcId::User;
    if (wide_button(text(TextId::TopCertAcquire, l), 44.0f, ready && user_pc, ready ? text(TextId::TopPickupOnUserPc, l) : waiting))
        ui.emit(cmd::StartUserPickup{});
    if (ready && !user_pc) text_wrapped_sized(text(TextId::TopPickupOnUserPc, l), size::kSmall, color::kTextMuted);
    wide_button(text(TextId::TopFaq, l), 36.0f, false, text(TextId::TopFaqNotYet, l));
    end_card();
}

void draw_notices_card(const Ui& ui, float width) {
    const Language l = ui.lang();
    begin_card("##notices", ImVec2(width, 0));
    text_sized(text(TextId::TopImportantNotices, l), size::kHeading, color::kAccent);
    ImGui::Separator();
    const TextId notices[] = {TextId::TopNoticeRenewal, TextId::TopNoticeBrowser, TextId::TopNoticeSafety};
    for (TextId id : notices) {
        ImGui::Bullet();
        ImGui::SameLine(0, 16.0f);  // ImGui's bullet item is narrower than the dot it draws: leave air
        text_wrapped_sized(text(id, l), size::kSmall + 1, color::kText);
        ImGui::Dummy(ImVec2(0, 2));
    }
    ImGui::Dummy(ImVec2(0, 4));
    text_wrapped_sized(text(TextId::SimulatorMarkerDetail, l), size::kSmall, color::kTextMuted);
    end_card();
}

}  // namespace

void draw_top_page(const Ui& ui) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    // Two columns on wide screens; stacked on narrow ones (phones, split windows).
    if (avail >= 720.0f) {
        const float left = (avail - gap) * 0.48f;
        draw_login_card(ui, left);
        ImGui::SameLine(0, gap);
        draw_notices_card(ui, avail - gap - left);
    } else {
        draw_login_card(ui, avail);
        ImGui::Dummy(ImVec2(0, 6));
        draw_notices_card(ui, avail);
    }
}

}  // namespace cp::ui
