// A user's own 証明書更新 on screen (seed 000 A3; ImGui's null backend, tests/ui/portal_driver.h):
// 利用者ログイン on 利用者のパソコン → the landing page's 証明書更新 and 重要なお知らせ → the
// administrator's renewal dialogs → 「電子証明書のインストールが完了しました」; every いいえ, the
// protection levels, the window (before it nothing is offered, after expiry the login says who
// reissues).
#include <gtest/gtest.h>

#include "format.h"
#include "portal_driver.h"

namespace {

using cp::UserFlow;
using cp::test::Driver;
using RScreen = cp::RenewalFlow::Screen;

constexpr const char* kWebAccess = "この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。";
constexpr const char* kProtectedItem = "アプリケーションは保護されたアイテムを作成しています。";
constexpr const char* kUserCertificate = "00009876543 S0001";

UserFlow::Screen screen(Driver& d) {
    return d.page.session.user_flow() != nullptr ? d.page.session.user_flow()->screen() : UserFlow::Screen::Failed;
}
RScreen renewal_screen(Driver& d) {
    const UserFlow* f = d.page.session.user_flow();
    return f != nullptr && f->renewal_flow() != nullptr ? f->renewal_flow()->screen() : RScreen::Failed;
}
const cp::PcCertificateStore& user_pc(Driver& d) { return *d.page.session.pc_store(cp::PcId::User); }

// 利用者のパソコン → 利用者ログイン → 電子証明書方式 利用者ログイン → 証明書の選択 (S0001's, the one
// row of that name) → 許可 → 利用者暗証番号 → ログイン: where it leads.
void log_in(Driver& d, cp::Preset preset) {
    d.page.load_preset(preset);
    d.ui.settle(d.draw);
    ASSERT_TRUE(d.click("利用者のパソコン"));
    ASSERT_TRUE(d.click("利用者ログイン"));
    ASSERT_TRUE(d.click("電子証明書方式 利用者ログイン"));
    ASSERT_EQ(screen(d), UserFlow::Screen::LoginChooseCertificate);
    ASSERT_TRUE(d.click(kUserCertificate));
    ASSERT_TRUE(d.click("OK"));
    ASSERT_EQ(screen(d), UserFlow::Screen::LoginKeyAccess);
    ASSERT_TRUE(d.click("許可"));
    if (screen(d) != UserFlow::Screen::LoginPin) return;  // the certificate was refused
    d.type_into("利用者暗証番号", cp::kSeedSecrets.s0001_pin);
    ASSERT_TRUE(d.click("ログイン"));
    ASSERT_EQ(screen(d), UserFlow::Screen::LoginLanding);
}

// The landing page's 証明書更新 → 更新 → はい (as many times as the OS asks): the protected item.
void to_protected_item(Driver& d) {
    ASSERT_TRUE(d.click("証明書更新"));
    ASSERT_TRUE(d.emitted<cp::cmd::OpenRenewal>());
    ASSERT_EQ(renewal_screen(d), RScreen::Start);
    EXPECT_TRUE(d.shows("◆利用者のパソコンから操作してください。"));
    EXPECT_TRUE(d.shows("利用者の電子証明書を更新します。「更新」をクリックしてください。"));
    ASSERT_TRUE(d.click("更新"));
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(renewal_screen(d), RScreen::WebAccess) << i;
        EXPECT_TRUE(d.shows(kWebAccess));
        EXPECT_TRUE(d.ui.find("更新")->disabled) << "the page behind an OS dialog is disabled";
        ASSERT_TRUE(d.click("はい"));
    }
    ASSERT_EQ(renewal_screen(d), RScreen::Protection);
    EXPECT_TRUE(d.shows(kProtectedItem));
}

// Logged on in the renewal window, at the protected item.
void to_protected_item_in_window(Driver& d) {
    log_in(d, cp::Preset::UserRenewalWindow);
    to_protected_item(d);
}

void issue_and_install(Driver& d) {
    ASSERT_TRUE(d.click("OK"));
    ASSERT_TRUE(d.emitted<cp::cmd::AnswerProtection>());
    ASSERT_EQ(renewal_screen(d), RScreen::Install);
    EXPECT_TRUE(d.shows(kWebAccess)) << "the same question before installing";
    EXPECT_TRUE(d.shows("4 / 4")) << "the progress under the dialog is complete";
    ASSERT_TRUE(d.click("はい"));
    ASSERT_EQ(renewal_screen(d), RScreen::Done);
}

TEST(UserRenewalScreens, FromTheLandingPageToTheInstalledCertificate) {
    Driver d;
    log_in(d, cp::Preset::UserRenewalWindow);
    EXPECT_TRUE(d.shows("しんきん 太郎 1様 への重要なお知らせ"));
    EXPECT_TRUE(d.shows("電子証明書の更新をお願いします")) << "重要なお知らせ inside the window";
    ASSERT_NE(d.ui.find("電子証明書の更新はこちら"), nullptr);
    to_protected_item(d);
    EXPECT_TRUE(d.shows("セキュリティレベル 中")) << "the seed: check that it is 中";
    issue_and_install(d);
    for (const char* line : {"電子証明書のインストールが完了しました",
                             "* この電子証明書がインストールされたパソコン以外では利用者のログオンはできません。",
                             "* 電子証明書の有効期限は1年です。電子証明書は年1回、更新する必要があります。"})
        EXPECT_TRUE(d.shows(line)) << line;
    ASSERT_EQ(user_pc(d).certificates.size(), 3u);
    const cp::InstalledCertificate& installed = user_pc(d).certificates.back();
    EXPECT_EQ(installed.subject.holder_id, "S0001");
    EXPECT_TRUE(d.shows("新しい電子証明書の有効期限：" + cp::ui::format_date_time(installed.not_after, cp::Language::Japanese)));
    ASSERT_TRUE(d.click("このウィンドウを閉じる"));
    EXPECT_EQ(screen(d), UserFlow::Screen::LoginLanding);
    EXPECT_EQ(d.ui.find("証明書更新"), nullptr) << "renewed: outside the window again";
    EXPECT_TRUE(d.shows("現在、お知らせ情報はありません。"));
}

TEST(UserRenewalScreens, TheNoticeLinkLeadsToTheRenewal) {
    Driver d;
    log_in(d, cp::Preset::UserRenewalWindow);
    ASSERT_TRUE(d.click("電子証明書の更新はこちら"));
    EXPECT_EQ(renewal_screen(d), RScreen::Start);
}

TEST(UserRenewalScreens, NoAtEachConfirmationStopsWithNothingInstalled) {
    for (int at = 0; at < 3; ++at) {
        Driver d;
        log_in(d, cp::Preset::UserRenewalWindow);
        ASSERT_TRUE(d.click("証明書更新"));
        d.renewal_no_at(at);
        ASSERT_EQ(renewal_screen(d), RScreen::Failed) << at;
        EXPECT_EQ(user_pc(d).certificates.size(), 2u);
        ASSERT_TRUE(d.click("メニューへ戻る"));
        EXPECT_EQ(screen(d), UserFlow::Screen::LoginLanding);
        ASSERT_NE(d.ui.find("証明書更新"), nullptr) << "still inside the window";
    }
}

TEST(UserRenewalScreens, CancelAtTheProtectedItemStops) {
    Driver d;
    to_protected_item_in_window(d);
    ASSERT_TRUE(d.click("キャンセル"));
    EXPECT_EQ(renewal_screen(d), RScreen::Failed);
    EXPECT_EQ(user_pc(d).certificates.size(), 2u);
}

TEST(UserRenewalScreens, HighProtectionTakesThePasswordTwiceAndAsksItAtTheNextLogon) {
    Driver d;
    to_protected_item_in_window(d);
    ASSERT_TRUE(d.click("セキュリティレベルの設定..."));
    ASSERT_EQ(renewal_screen(d), RScreen::ProtectionSettings);
    ASSERT_TRUE(d.click("高"));
    d.type_into("パスワード", "Kagi-2024");
    d.type_into("確認", "Kagi-2025");
    ASSERT_TRUE(d.click("OK"));
    EXPECT_EQ(renewal_screen(d), RScreen::ProtectionSettings);
    EXPECT_TRUE(d.shows("入力内容が一致しません。"));
    d.type_into("確認", "Kagi-2024");
    ASSERT_TRUE(d.click("OK"));
    ASSERT_EQ(renewal_screen(d), RScreen::Protection);
    EXPECT_TRUE(d.shows("セキュリティレベル 高"));
    issue_and_install(d);
    ASSERT_TRUE(d.click("このウィンドウを閉じる"));
    ASSERT_TRUE(d.click("ログオフ"));
    // Two rows named 00009876543 S0001 now; the new one by the command (the harness finds by words).
    d.page.apply(cp::cmd::StartUserLogin{});
    d.page.apply(cp::cmd::user::ChooseCertificate{user_pc(d).certificates.back().serial});
    d.ui.settle(d.draw);
    ASSERT_EQ(screen(d), UserFlow::Screen::LoginKeyAccess);
    EXPECT_NE(d.ui.find("パスワード"), nullptr) << "高: the key's password, not 許可 / 拒否";
    EXPECT_EQ(d.ui.find("許可"), nullptr);
}

TEST(UserRenewalScreens, LowProtection) {
    Driver d;
    to_protected_item_in_window(d);
    ASSERT_TRUE(d.click("セキュリティレベルの設定..."));
    ASSERT_TRUE(d.click("低"));
    ASSERT_TRUE(d.click("OK"));
    EXPECT_TRUE(d.shows("セキュリティレベル 低"));
    issue_and_install(d);
    EXPECT_EQ(user_pc(d).certificates.back().protection, cp::KeyProtection::Low);
}

TEST(UserRenewalScreens, BeforeTheWindowNothingIsOfferedAndAfterExpiryTheAdministratorReissues) {
    {
        Driver d;
        log_in(d, cp::Preset::SeedWorld);  // 31 days left: one day before the window
        EXPECT_EQ(d.ui.find("証明書更新"), nullptr);
        EXPECT_EQ(d.ui.find("電子証明書の更新はこちら"), nullptr);
        EXPECT_TRUE(d.shows("現在、お知らせ情報はありません。"));
    }
    Driver d;
    log_in(d, cp::Preset::UserCertificateExpired);
    EXPECT_EQ(screen(d), UserFlow::Screen::Failed);
    EXPECT_TRUE(d.shows("電子証明書の有効期限が経過しています。"));
    EXPECT_TRUE(d.shows("管理者に電子証明書の再発行手続きをご依頼ください。")) << "seed 001: the administrator reissues";
}

}  // namespace
