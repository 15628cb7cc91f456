// The administrator's screens (wasm/ui/admin, os, desk) on ImGui's null backend, driven as a
// person drives them: find a widget by its words, click it, type; the commands the screens emit
// are applied to a real Session (tests/core/portal/session_fixture.h), as the bundle does.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>

#include "portal_driver.h"
#include "theme.h"

namespace {

using cp::AdminFlow;
using cp::FlowResult;
using cp::PcResult;
using cp::test::ScreenHarness;
using cp::test::WidgetInfo;
using Screen = AdminFlow::Screen;

using cp::test::Driver;
using cp::test::kAdminCertificate;

TEST(AdminScreens, ReissueFromTheTopPageToTheCompletion) {
    Driver d;
    d.to_menu();
    EXPECT_TRUE(d.shows("現在、お知らせ情報はありません。"));
    EXPECT_NE(d.ui.find("ログオフ"), nullptr);
    ASSERT_TRUE(d.click("ご契約先管理情報変更"));
    const WidgetInfo* accounts = d.ui.find("契約口座情報変更 >");
    ASSERT_NE(accounts, nullptr);
    EXPECT_TRUE(accounts->disabled) << "outside the certificate procedures: visible, disabled";
    ASSERT_TRUE(d.click("利用者情報登録／変更 >"));
    ASSERT_TRUE(d.emitted<cp::cmd::OpenUserMaintenance>());
    for (const char* header : {"選択", "利用者ID", "利用者名", "利用開始/利用カード", "利用中止", "事故登録", "取納サービス封鎖", "オンライン取引", "残高照会"})
        EXPECT_TRUE(d.shows(header) || d.ui.find(header) != nullptr) << header;
    const WidgetInfo* s0001 = d.ui.find("S0001");
    ASSERT_NE(s0001, nullptr) << d.ui.labels();
    EXPECT_TRUE(s0001->checkable && s0001->checked);
    EXPECT_EQ(d.ui.find("変更 >"), nullptr) << "behind the expander until it is opened";
    ASSERT_TRUE(d.click("+ 変更・登録抹消・各種設定・利用者ワンタイムパスワード"));
    ASSERT_NE(d.ui.find("登録抹消 >"), nullptr);
    EXPECT_TRUE(d.ui.find("登録抹消 >")->disabled);
    ASSERT_TRUE(d.click("変更 >"));
    ASSERT_EQ(d.screen(), Screen::UserEdit);
    EXPECT_TRUE(d.shows("利用者電子証明書の再発行・失効"));
    EXPECT_TRUE(d.shows(d.page.bank().find_user("S0001")->certificate.serial)) << "the real serial is shown";
    EXPECT_TRUE(d.shows("「利用者ID」は、次の【利用者電子証明書の取得】画面で使用しますので"));
    ASSERT_TRUE(d.click("再発行"));
    ASSERT_TRUE(d.emitted<cp::cmd::SetCertificateAction>());
    ASSERT_TRUE(d.click("OK"));  // no PIN yet
    EXPECT_EQ(d.screen(), Screen::UserEdit);
    EXPECT_TRUE(d.shows("入力してください。"));
    d.type_into("ご契約先確認暗証番号", cp::kSeedSecrets.confirmation_pin);
    ASSERT_TRUE(d.click("OK"));
    ASSERT_EQ(d.screen(), Screen::UserDone) << result_name(d.page.flow().last_result());
    for (const char* line : {"① 契約者ID（お客様カードに記載の11桁の数字）", "② 利用者ID", "③ 利用者暗証番号", "④ ワンタイムパスワード",
                             "取得期限：2023年11月20日 10:00", "今後利用者が使用するパソコンで"})
        EXPECT_TRUE(d.shows(line)) << line;
    EXPECT_EQ(d.page.bank().find_user("S0001")->certificate.status, cp::CertStatus::PendingPickup);
}

TEST(AdminScreens, TheChooserListsThisPcsCertificatesWithPropertiesAndCancel) {
    Driver d;
    ASSERT_TRUE(d.click("管理者ログイン"));
    ASSERT_TRUE(d.click("電子証明書方式 管理者ログイン"));
    EXPECT_TRUE(d.shows("では資格情報が必要です"));
    EXPECT_TRUE(d.shows("画面に管理者の電子証明書が表示されない場合は"));
    const WidgetInfo* top_button = d.ui.find("電子証明書方式 管理者ログイン");
    ASSERT_NE(top_button, nullptr);
    EXPECT_TRUE(top_button->disabled) << "the page behind an OS dialog is disabled";
    ASSERT_TRUE(d.click("証明書のプロパティ"));
    EXPECT_TRUE(d.shows(d.page.flow().store().certificates.back().serial));
    ASSERT_TRUE(d.click("閉じる"));
    ASSERT_TRUE(d.click("キャンセル"));
    EXPECT_EQ(d.page.session.admin_flow(), nullptr);
    // キャンセル leaves the flow for the top page (as 閉じる does), whose entries work again.
    const WidgetInfo* top_entry = d.ui.find("管理者ログイン");
    ASSERT_NE(top_entry, nullptr);
    EXPECT_FALSE(top_entry->disabled);
}

TEST(AdminScreens, OsDialogsTakeEnterAndEscapeAsWindowsDoes) {
    Driver d;
    ASSERT_TRUE(d.click("管理者ログイン"));
    ASSERT_TRUE(d.click("電子証明書方式 管理者ログイン"));
    d.ui.press(ImGuiKey_Escape, d.draw);
    d.apply();
    EXPECT_EQ(d.page.session.admin_flow(), nullptr) << "Escape cancels the chooser";
    d.ui.settle(d.draw);
    ASSERT_TRUE(d.click("管理者ログイン"));
    ASSERT_TRUE(d.click("電子証明書方式 管理者ログイン"));
    d.ui.press(ImGuiKey_Enter, d.draw);
    d.apply();
    ASSERT_NE(d.page.session.admin_flow(), nullptr);
    EXPECT_EQ(d.screen(), Screen::KeyAccess) << "Enter is OK with the highlighted certificate";
    d.ui.settle(d.draw);
    d.ui.press(ImGuiKey_Escape, d.draw);
    d.apply();
    EXPECT_EQ(d.screen(), Screen::Failed) << "Escape at the key prompt refuses";
    EXPECT_EQ(d.page.flow().failure(), PcResult::KeyAccessDenied);
}

TEST(AdminScreens, AWrongPinSaysTriesLeftAndTheLockNamesTheBranchForm) {
    Driver d;
    d.to_contract_pin();
    ASSERT_TRUE(d.click("ログイン"));
    EXPECT_TRUE(d.shows("入力してください。"));
    for (int i = 1; i <= 5; ++i) {
        d.type_into("ご契約先暗証番号", "wrongpin" + std::to_string(i));
        ASSERT_TRUE(d.click("ログイン"));
        EXPECT_TRUE(d.shows("あと" + std::to_string(6 - i) + "回誤るとサービスがロックされます")) << i;
    }
    d.type_into("ご契約先暗証番号", "wrongpin6");
    ASSERT_TRUE(d.click("ログイン"));
    EXPECT_EQ(d.screen(), Screen::Failed);
    EXPECT_TRUE(d.shows("暗証番号閉塞解除依頼書"));
    EXPECT_TRUE(d.shows("利用者も併せてロック状態"));
    ASSERT_TRUE(d.click("トップページへ戻る"));
    EXPECT_EQ(d.page.session.admin_flow(), nullptr);
}

// A PIN its form refuses says why under the field and costs none of the six tries; a wrong PIN
// of valid form still does (docs/domain.md, "PINs, formats and what a try costs").
TEST(AdminScreens, APinTheFormRefusesSaysWhyAndCostsNoTry) {
    Driver d;
    d.to_contract_pin();
    d.type_into("ご契約先暗証番号", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D" "abc123");  // right-to-left letters
    ASSERT_TRUE(d.click("ログイン"));
    EXPECT_TRUE(d.shows("全角文字は使用できません"));
    EXPECT_FALSE(d.shows("回誤るとサービスがロックされます"));
    d.type_into("ご契約先暗証番号", "abcdef1234567");
    ASSERT_TRUE(d.click("ログイン"));
    EXPECT_TRUE(d.shows("文字数が多すぎます"));
    EXPECT_EQ(d.page.bank().state().contract.contract_pin_failures, 0u);
    d.type_into("ご契約先暗証番号", "wrongpin1");
    ASSERT_TRUE(d.click("ログイン"));
    EXPECT_TRUE(d.shows("あと5回誤るとサービスがロックされます"));
}

TEST(AdminScreens, AUsersCertificateOnTheUsersPcGivesTheSeedsError) {
    Driver d;
    ASSERT_TRUE(d.click("利用者のパソコン"));
    EXPECT_EQ(d.page.session.desk().pc(), cp::PcId::User);
    ASSERT_TRUE(d.click("管理者ログイン"));
    ASSERT_TRUE(d.click("電子証明書方式 管理者ログイン"));
    EXPECT_EQ(d.ui.find(kAdminCertificate), nullptr) << "the admin certificate is on the other PC";
    EXPECT_NE(d.ui.find("00009876543 S0002"), nullptr) << "both users' certificates are listed";
    ASSERT_TRUE(d.click("00009876543 S0001"));
    ASSERT_TRUE(d.click("OK"));
    ASSERT_TRUE(d.click("許可"));
    EXPECT_TRUE(d.shows("管理者の電子証明書以外（利用者の電子証明書等）の電子証明書が選択されたため"));
}

TEST(AdminScreens, DenyingKeyAccessAndALostCardEachEndTheLoginWithTheirText) {
    {
        Driver d;
        d.choose(kAdminCertificate);
        ASSERT_TRUE(d.click("拒否"));
        EXPECT_TRUE(d.shows("秘密キーへのアクセスが拒否されたため"));
    }
    {
        Driver d;
        ASSERT_TRUE(d.click("お客様カード"));
        ASSERT_TRUE(d.click("このカードを紛失したことにする（シミュレーション）"));
        EXPECT_FALSE(d.page.bank().state().contract.card.lost) << "asked first";
        ASSERT_TRUE(d.click("やめる"));
        EXPECT_FALSE(d.page.bank().state().contract.card.lost);
        ASSERT_TRUE(d.click("このカードを紛失したことにする（シミュレーション）"));
        ASSERT_TRUE(d.click("紛失を届け出る"));
        EXPECT_TRUE(d.shows("このカードは紛失届出済みです。"));
        ASSERT_TRUE(d.click("お客様カード"));
        d.to_contract_pin();
        d.type_into("ご契約先暗証番号", cp::kSeedSecrets.contract_pin);
        ASSERT_TRUE(d.click("ログイン"));
        EXPECT_TRUE(d.shows("お客様カード再発行依頼書"));
        EXPECT_TRUE(d.shows("2～3週間"));
    }
}

TEST(AdminScreens, AYearLaterTheAdministratorCertificateHasExpiredAndTheBranchIsNamed) {
    Driver d;
    ASSERT_TRUE(d.click("サンプルデータ"));
    const cp::SimTime before = d.page.bank().now();
    ASSERT_TRUE(d.click("+1年"));
    EXPECT_EQ(d.page.bank().now(), before + cp::days(365));
    ASSERT_TRUE(d.click("サンプルデータ"));
    d.choose(kAdminCertificate);
    if (d.ui.find("許可") != nullptr) {
        ASSERT_TRUE(d.click("許可"));
    }
    EXPECT_TRUE(d.shows("管理者の電子証明書の有効期間が経過しています"));
    EXPECT_TRUE(d.shows("電子証明書再発行依頼書"));
}

TEST(AdminScreens, RevokingAsksForAReasonAndAWrongConfirmationPinKeepsTheForm) {
    Driver d;
    d.to_user_edit("S0002");
    ASSERT_TRUE(d.click("失効"));
    d.type_into("ご契約先確認暗証番号", "wrongpin9");
    ASSERT_TRUE(d.click("OK"));
    EXPECT_TRUE(d.shows("入力してください。"));
    ASSERT_TRUE(d.click("紛失・盗難"));
    ASSERT_TRUE(d.emitted<cp::cmd::SetRevokeReason>()) << "the reason is a command, as 失効 is";
    EXPECT_FALSE(d.shows("入力してください。")) << "the reason's error goes once a reason is chosen";
    d.type_into("ご契約先確認暗証番号", "wrongpin9");
    ASSERT_TRUE(d.click("OK"));
    EXPECT_TRUE(d.shows("ご契約先確認暗証番号に誤りがあります。"));
    EXPECT_TRUE(d.shows("あと5回誤るとサービスがロックされます"));
    d.type_into("ご契約先確認暗証番号", cp::kSeedSecrets.confirmation_pin);
    ASSERT_TRUE(d.click("OK"));
    EXPECT_TRUE(d.shows("利用者電子証明書を失効しました"));
    EXPECT_EQ(d.page.bank().find_user("S0002")->certificate.status, cp::CertStatus::Revoked);
}

TEST(AdminScreens, TheAuditLogIsShownAndVerified) {
    Driver d;
    d.to_menu();
    ASSERT_TRUE(d.click("▶ 操作履歴監査"));
    EXPECT_TRUE(d.shows("管理者ログオン") || d.ui.find("管理者ログオン") != nullptr);
    ASSERT_TRUE(d.click("改ざん検証"));
    EXPECT_TRUE(d.shows("操作履歴は改ざんされていません"));
}

// An error in the audit log is worded as the screen worded it, not by its code name.
TEST(AdminScreens, TheAuditLogWordsAnErrorAsTheScreenDid) {
    Driver d;
    d.to_contract_pin();
    d.type_into("ご契約先暗証番号", "wrongpin1");
    ASSERT_TRUE(d.click("ログイン"));
    d.from_contract_pin_to_menu();
    ASSERT_TRUE(d.click("▶ 操作履歴監査"));
    EXPECT_TRUE(d.shows("ご契約先暗証番号に誤りがあります。"));
    EXPECT_FALSE(d.shows("WrongContractPin"));
}

TEST(AdminScreens, TheSoftwareKeyboardTypesIntoThePinField) {
    Driver d;
    d.to_contract_pin();
    ASSERT_TRUE(d.click("ソフトウェアキーボード入力"));
    for (const char* key : {"s", "h", "i", "n", "k", "i", "n", "0", "1"}) ASSERT_TRUE(d.click(key)) << key;
    EXPECT_EQ(d.page.flow().view().contract_pin.view(), cp::kSeedSecrets.contract_pin);
    ASSERT_TRUE(d.click("1文字削除"));
    EXPECT_EQ(d.page.flow().view().contract_pin.view(), "shinkin0");
    ASSERT_TRUE(d.click("1"));
    ASSERT_TRUE(d.click("ログイン"));
    EXPECT_EQ(d.screen(), Screen::CardChallenge);
}

TEST(AdminScreens, TheGridPagesAHundredUsersBehindShowMore) {
    Driver d;
    for (int i = 3; i <= 100; ++i) {
        char id[8];
        std::snprintf(id, sizeof(id), "S%04d", i);
        ASSERT_EQ(d.page.bank().add_user(id, std::string("利用者 ") + std::to_string(i), cp::kAllPermissions, "user0001x"), FlowResult::Ok);
    }
    d.to_menu();
    ASSERT_TRUE(d.click("ご契約先管理情報変更"));
    ASSERT_TRUE(d.click("利用者情報登録／変更 >"));
    ASSERT_NE(d.ui.find("もっと見る ▼"), nullptr);
    EXPECT_EQ(d.page.flow().visible_users(), AdminFlow::kUsersPerPage);
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(d.click("もっと見る ▼"));
    EXPECT_EQ(d.page.flow().visible_users(), 100u);
    EXPECT_EQ(d.ui.find("もっと見る ▼"), nullptr) << "all shown";
}

// The menu's customer status on a phone, in English (its longest names): each value stays
// readable, a date on at most two lines, not a few characters a line beside a one-line name.
TEST(AdminScreens, TheCustomerStatusKeepsItsValuesReadableOnAPhone) {
    Driver d(390, 844);
    d.to_menu();
    d.state.language = cp::Language::English;
    d.ui.settle(d.draw);
    for (const char* value : {"(first logon)", "2023-12-01 09:00"}) {
        const WidgetInfo* t = d.ui.find_text(value);
        ASSERT_NE(t, nullptr) << value;
        EXPECT_LT(t->height(), 45.0f) << value << ": more than two lines";
        EXPECT_GT(t->width(), 60.0f) << value << ": a column a few characters wide";
    }
    const WidgetInfo* name = d.ui.find_text("Users with a certificate to pick up");
    ASSERT_NE(name, nullptr);
    EXPECT_LE(name->max.x, 390.0f - 40.0f) << "the name ends inside its card";
}

// 利用者情報変更's certificate record in English, at every width from a wide screen to a phone: a
// header breaks between its words, never inside one ("Certificat" / "e"). Each header's block is
// then at least as wide as its widest word (a word broken in two leaves every line narrower).
TEST(AdminScreens, TheCertificateRecordsHeadersBreakBetweenWords) {
    Driver d(1280, 1200);
    d.to_user_edit("S0001");
    d.state.language = cp::Language::English;
    for (const float width : {1280.0f, 1100.0f, 960.0f, 860.0f, 720.0f, 600.0f, 390.0f}) {
        d.ui.resize(width, 1200);
        d.ui.settle(d.draw);
        for (const cp::TextId id : {cp::TextId::CertIssueNumber, cp::TextId::CertStatusLabel, cp::TextId::CertRegistered,
                                    cp::TextId::CertSerial, cp::TextId::CertNotAfter}) {
            const char* header = cp::text(id, cp::Language::English);
            d.scroll_to(header);
            const WidgetInfo* t = d.ui.find_text(header);
            ASSERT_NE(t, nullptr) << header << " at " << width << ": " << d.ui.labels();
            float widest = 0.0f;
            d.ui.frame([&] {
                d.draw();
                const std::string all(header);
                for (std::size_t at = 0; at < all.size();) {
                    const std::size_t end = std::min(all.find(' ', at), all.size());
                    const std::string word = all.substr(at, end - at);
                    widest = std::max(widest, ImGui::GetFont()->CalcTextSizeA(cp::ui::size::kSmall, FLT_MAX, 0.0f, word.c_str()).x);
                    at = end + 1;
                }
            });
            EXPECT_GE(t->width() + 0.5f, widest) << "\"" << header << "\" broken inside a word at " << width << " px";
        }
    }
}

TEST(AdminScreens, NothingIsCutOffOnAPhone) {
    Driver d(390, 844);
    const auto inside = [&](const char* where) {
        for (const WidgetInfo& w : d.ui.widgets()) EXPECT_LE(w.max.x, 390.5f) << where << ": " << w.label;
        for (const WidgetInfo& t : d.ui.texts()) EXPECT_LE(t.max.x, 390.5f) << where << ": " << t.label;
    };
    inside("top page");
    d.to_contract_pin();
    inside("contract PIN");
    d.type_into("ご契約先暗証番号", cp::kSeedSecrets.contract_pin);
    ASSERT_TRUE(d.click("ログイン"));
    inside("card");
}

}  // namespace

namespace {

// The taskbar's panel buttons switch between the panels on the first click, even while the other
// panel (a window of its own) is open and focused.
TEST(DeskScreens, PanelButtonsSwitchPanelsOnTheFirstClick) {
    Driver d;
    ASSERT_TRUE(d.click("サンプルデータ"));
    EXPECT_EQ(d.page.session.desk().panel(), cp::DeskPanel::SampleData);
    ASSERT_TRUE(d.click("お客様カード"));
    EXPECT_EQ(d.page.session.desk().panel(), cp::DeskPanel::CustomerCard);
    ASSERT_TRUE(d.click("サンプルデータ"));
    EXPECT_EQ(d.page.session.desk().panel(), cp::DeskPanel::SampleData);
    ASSERT_TRUE(d.click("サンプルデータ"));
    EXPECT_EQ(d.page.session.desk().panel(), cp::DeskPanel::None);
}

}  // namespace
