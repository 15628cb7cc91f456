// certportal ui: the bank's pages before a login, after seed 001's screenshots (part 2 (4)): the
// top page with 利用者ログイン and 管理者ログイン beside 重要なお知らせ, and the page each of the two
// leads to (SitePage, Session::site_page()):
//   利用者ログイン  電子証明書取得 (初めての方はこちらから), よくあるご質問, 電子証明書方式 利用者ログイン,
//                   ご契約先向け簡易マニュアル (seed 001 part 2 (3)/(4))
//   管理者ログイン  電子証明書方式 管理者ログイン (seed 001 part 1 (3)) and 管理者電子証明書取得
// Each sub-page has トップページへ戻る, where the bank's site has its logo.
#include "imgui.h"
#include "portal_ui.h"
#include "theme.h"
#include "widgets.h"
#include "world_ready.h"

namespace cp::ui {
namespace {

// A card of the site's pages: its heading in the brand's colour over a rule.
void begin_page_card(const Ui& ui, const char* id, TextId title, float width) {
    begin_card(id, ImVec2(width, 0));
    text_sized(ui.t(title), size::kHeading, color::kBrand);
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, 2));
}

void entry_caption(const Ui& ui, TextId title, TextId hint) {
    text_sized(ui.t(title), size::kDetail, color::kText);
    text_wrapped_sized(ui.t(hint), size::kSmall, color::kTextMuted);
}

void draw_login_card(const Ui& ui, float width) {
    const Language l = ui.lang();
    const bool ready = world_ready(ui);
    begin_page_card(ui, "##login", TextId::TopCertificateMethod, width);
    text_wrapped_sized(text(TextId::TopUserPageHint, l), size::kSmall, color::kTextMuted);
    if (wide_button(text(TextId::TopUserLogin, l), 44.0f, ready, world_wait_reason(ui)))
        ui.emit(cmd::OpenSitePage{SitePage::UserLogin});
    ImGui::Dummy(ImVec2(0, 6));
    text_wrapped_sized(text(TextId::TopAdminPageHint, l), size::kSmall, color::kTextMuted);
    if (wide_button(text(TextId::TopAdminLogin, l), 44.0f, ready, world_wait_reason(ui)))
        ui.emit(cmd::OpenSitePage{SitePage::AdminLogin});
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
        text_wrapped_sized(text(id, l), size::kDetail, color::kText);
        ImGui::Dummy(ImVec2(0, 2));
    }
    ImGui::Dummy(ImVec2(0, 4));
    text_wrapped_sized(text(TextId::SimulatorMarkerDetail, l), size::kSmall, color::kTextMuted);
    end_card();
}

// 利用者ログイン's page, as the seed's screenshot lists it.
void draw_user_login_card(const Ui& ui, float width) {
    const Language l = ui.lang();
    const bool ready = world_ready(ui);
    begin_page_card(ui, "##user_login", TextId::TopUserLogin, width);
    // 電子証明書取得 (初めての方はこちらから). The pickup is made on the PC the user works on: on
    // 管理者のパソコン the button says where to go.
    entry_caption(ui, TextId::TopCertAcquire, TextId::TopCertAcquireFirst);
    const bool user_pc = ui.session.desk().pc() == PcId::User;
    if (wide_button(text(TextId::TopCertAcquire, l), 44.0f, ready && user_pc, ready ? text(TextId::TopPickupOnUserPc, l) : world_wait_reason(ui)))
        ui.emit(cmd::StartUserPickup{});
    if (ready && !user_pc) text_wrapped_sized(text(TextId::TopPickupOnUserPc, l), size::kSmall, color::kTextMuted);
    wide_button(text(TextId::TopFaq, l), 36.0f, false, text(TextId::TopFaqNotYet, l));
    ImGui::Dummy(ImVec2(0, 6));
    // 電子証明書方式 利用者ログイン: 証明書の選択, then 利用者暗証番号.
    entry_caption(ui, TextId::TopCertificateMethod, TextId::TopUserLoginHint);
    if (wide_button(text(TextId::TopCertUserLogin, l), 44.0f, ready, world_wait_reason(ui))) ui.emit(cmd::StartUserLogin{});
    ImGui::Dummy(ImVec2(0, 6));
    wide_button(text(TextId::TopManual, l), 36.0f, false, text(TextId::TopManualNotYet, l));
    end_card();
}

// 管理者ログイン's page: the certificate login, and the pickup after a branch reissue
// (電子証明書再発行依頼書, admin/admin_pickup.cpp).
void draw_admin_login_card(const Ui& ui, float width) {
    const Language l = ui.lang();
    const bool ready = world_ready(ui);
    begin_page_card(ui, "##admin_login", TextId::TopAdminLogin, width);
    entry_caption(ui, TextId::TopCertificateMethod, TextId::TopCertAdminLoginHint);
    if (wide_button(text(TextId::TopCertAdminLogin, l), 44.0f, ready, world_wait_reason(ui))) ui.emit(cmd::StartAdminLogin{});
    ImGui::Dummy(ImVec2(0, 6));
    entry_caption(ui, TextId::TopAdminPickup, TextId::TopAdminPickupHint);
    if (wide_button(text(TextId::TopAdminPickup, l), 36.0f, ready, world_wait_reason(ui))) ui.emit(cmd::StartAdminPickup{});
    end_card();
}

void draw_sub_page(const Ui& ui, void (*card)(const Ui&, float)) {
    if (button(ui.t(TextId::BackToTop))) ui.emit(cmd::OpenSitePage{SitePage::Top});
    ImGui::Dummy(ImVec2(0, 2));
    const float avail = ImGui::GetContentRegionAvail().x;
    card(ui, avail >= size::kWideSitePageMinWidth ? avail * 0.6f : avail);
}

}  // namespace

void draw_top_page(const Ui& ui) {
    switch (ui.session.desk().site_page()) {
        case SitePage::UserLogin: draw_sub_page(ui, draw_user_login_card); return;
        case SitePage::AdminLogin: draw_sub_page(ui, draw_admin_login_card); return;
        case SitePage::Top: break;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    // Two columns on wide screens; stacked on narrow ones (phones, split windows).
    if (avail >= size::kWideSitePageMinWidth) {
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
