// Seed 000 on screen (ImGui's null backend, tests/ui/portal_driver.h): 証明書更新 from the menu to
// 「電子証明書のインストールが完了しました」, every いいえ and キャンセル, the protection levels, the
// certificate manager (インターネットオプション → 証明書: 表示, 削除 of the old and of the new one),
// the mailbox and the branch counter.
#include <gtest/gtest.h>

#include "format.h"
#include "imgui_internal.h"
#include "portal_driver.h"

namespace {

using cp::AdminFlow;
using cp::test::Driver;
using Screen = AdminFlow::Screen;
using RScreen = cp::RenewalFlow::Screen;

constexpr const char* kWebAccess = "この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。";
constexpr const char* kProtectedItem = "アプリケーションは保護されたアイテムを作成しています。";

// The renewal window (the certificate expires in 20 days), logged on up to 重要なお知らせ.
void to_notices_in_window(Driver& d) {
    d.page.load_preset(cp::Preset::AdminRenewalWindow);
    d.ui.settle(d.draw);
    d.to_contract_pin();
    d.type_into("ご契約先暗証番号", cp::kSeedSecrets.contract_pin);
    ASSERT_TRUE(d.click("ログイン"));
    d.answer_card();
    ASSERT_EQ(d.screen(), Screen::Notices);
}

// The renewal window, logged on, at the menu.
void to_menu_in_window(Driver& d) {
    d.page.load_preset(cp::Preset::AdminRenewalWindow);
    d.ui.settle(d.draw);
    d.to_menu();
}

// 証明書更新 → 更新 → はい (as many times as the OS asks): the protected item dialog.
void to_protected_item(Driver& d) {
    ASSERT_TRUE(d.click("証明書更新"));
    ASSERT_TRUE(d.emitted<cp::cmd::OpenRenewal>());
    ASSERT_EQ(d.renewal_screen(), RScreen::Start);
    EXPECT_TRUE(d.shows("◆管理者のパソコンから操作してください。"));
    ASSERT_TRUE(d.click("更新"));
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(d.renewal_screen(), RScreen::WebAccess) << i;
        EXPECT_TRUE(d.shows(kWebAccess));
        EXPECT_TRUE(d.ui.find("更新")->disabled) << "the page behind an OS dialog is disabled";
        ASSERT_TRUE(d.click("はい"));
    }
    ASSERT_EQ(d.renewal_screen(), RScreen::Protection);
    EXPECT_TRUE(d.shows(kProtectedItem));
}

// From the protected item: OK → (the PC and the bank work) → はい → the completion.
void issue_and_install(Driver& d) {
    ASSERT_TRUE(d.click("OK"));
    ASSERT_TRUE(d.emitted<cp::cmd::AnswerProtection>());
    ASSERT_EQ(d.renewal_screen(), RScreen::Install);
    EXPECT_TRUE(d.shows(kWebAccess)) << "the same question before installing";
    EXPECT_TRUE(d.shows("4 / 4")) << "the progress under the dialog is complete";
    ASSERT_TRUE(d.click("はい"));
    ASSERT_EQ(d.renewal_screen(), RScreen::Done) << result_name(d.page.flow().failure());
}

TEST(RenewalScreens, FromTheMenuToTheInstalledCertificate) {
    Driver d;
    to_notices_in_window(d);
    EXPECT_TRUE(d.shows("電子証明書の更新をお願いします")) << "重要なお知らせ inside the window";
    ASSERT_NE(d.ui.find("電子証明書の更新はこちら"), nullptr);
    ASSERT_TRUE(d.click("次へ >"));
    ASSERT_EQ(d.screen(), Screen::Menu);
    EXPECT_TRUE(d.shows("電子証明書の更新をお願いします")) << "and in the menu's お知らせ";
    to_protected_item(d);
    EXPECT_TRUE(d.shows("セキュリティレベル 中")) << "the seed: check that it is 中";
    issue_and_install(d);
    for (const char* line : {"電子証明書のインストールが完了しました",
                             "* この電子証明書がインストールされたパソコン以外では管理者のログオンはできません。",
                             "* 電子証明書の有効期限は1年です。電子証明書は年1回、更新する必要があります。"})
        EXPECT_TRUE(d.shows(line)) << line;
    const auto& store = *d.page.session.pc_store(cp::PcId::Admin);
    ASSERT_EQ(store.certificates.size(), 2u);
    EXPECT_TRUE(d.shows("新しい電子証明書の有効期限：" + cp::ui::format_date_time(store.certificates.back().not_after, cp::Language::Japanese)));
    ASSERT_TRUE(d.click("このウィンドウを閉じる"));
    EXPECT_EQ(d.screen(), Screen::Menu);
    EXPECT_EQ(d.ui.find("証明書更新"), nullptr) << "renewed: outside the window again";
}

TEST(RenewalScreens, TheNoticeLinkLeadsToTheRenewal) {
    Driver d;
    to_notices_in_window(d);
    ASSERT_TRUE(d.click("電子証明書の更新はこちら"));
    EXPECT_EQ(d.renewal_screen(), RScreen::Start);
}

// 全てのお知らせをしばらく表示しない is a command (SetHideNotices): ticked, then 次へ >, the bank
// hides the notices for a while.
TEST(RenewalScreens, HidingTheNoticesIsACommandTheBankKeeps) {
    Driver d;
    to_notices_in_window(d);
    ASSERT_TRUE(d.click("全てのお知らせをしばらく表示しない"));
    ASSERT_TRUE(d.emitted<cp::cmd::SetHideNotices>());
    EXPECT_TRUE(d.page.flow().hide_notices());
    const cp::test::WidgetInfo* box = d.ui.find("全てのお知らせをしばらく表示しない");
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->checked) << "drawn from the flow's value";
    ASSERT_TRUE(d.click("次へ >"));
    ASSERT_EQ(d.screen(), Screen::Menu);
    EXPECT_GT(d.page.bank().state().contract.notices_hidden_until, d.page.bank().now());
}

TEST(RenewalScreens, NoAtEachConfirmationStopsWithNothingInstalled) {
    for (int at = 0; at < 3; ++at) {
        Driver d;
        to_menu_in_window(d);
        ASSERT_TRUE(d.click("証明書更新"));
        d.renewal_no_at(at);
        ASSERT_EQ(d.renewal_screen(), RScreen::Failed) << at;
        EXPECT_EQ(d.page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
        ASSERT_TRUE(d.click("メニューへ戻る"));
        EXPECT_EQ(d.screen(), Screen::Menu);
        ASSERT_NE(d.ui.find("証明書更新"), nullptr) << "still inside the window";
    }
}

TEST(RenewalScreens, CancelAtTheProtectedItemStops) {
    Driver d;
    to_menu_in_window(d);
    to_protected_item(d);
    ASSERT_TRUE(d.click("キャンセル"));
    EXPECT_EQ(d.renewal_screen(), RScreen::Failed);
    EXPECT_EQ(d.page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
}

TEST(RenewalScreens, HighProtectionTakesThePasswordTwiceAndAsksItAtTheNextLogon) {
    Driver d;
    to_menu_in_window(d);
    to_protected_item(d);
    ASSERT_TRUE(d.click("セキュリティレベルの設定..."));
    ASSERT_EQ(d.renewal_screen(), RScreen::ProtectionSettings);
    ASSERT_TRUE(d.click("高"));
    d.type_into("パスワード", "Kagi-2024");
    d.type_into("確認", "Kagi-2025");
    ASSERT_TRUE(d.click("OK"));
    EXPECT_EQ(d.renewal_screen(), RScreen::ProtectionSettings);
    EXPECT_TRUE(d.shows("入力内容が一致しません。"));
    d.type_into("確認", "Kagi-2024");
    ASSERT_TRUE(d.click("OK"));
    ASSERT_EQ(d.renewal_screen(), RScreen::Protection);
    EXPECT_TRUE(d.shows("セキュリティレベル 高"));
    issue_and_install(d);
    ASSERT_TRUE(d.click("ログオフ"));
    // The chooser lists two rows of the same name; the new one is the second (by the command: the
    // harness finds a row by its words only).
    d.page.apply(cp::cmd::StartAdminLogin{});
    d.page.apply(cp::cmd::ChooseCertificate{d.page.session.pc_store(cp::PcId::Admin)->certificates.back().serial});
    d.ui.settle(d.draw);
    ASSERT_EQ(d.screen(), Screen::KeyAccess);
    EXPECT_NE(d.ui.find("パスワード"), nullptr) << "高: the key's password, not 許可 / 拒否";
    EXPECT_EQ(d.ui.find("許可"), nullptr);
}

TEST(RenewalScreens, LowProtection) {
    Driver d;
    to_menu_in_window(d);
    to_protected_item(d);
    ASSERT_TRUE(d.click("セキュリティレベルの設定..."));
    ASSERT_TRUE(d.click("低"));
    EXPECT_EQ(d.ui.find("パスワード"), nullptr) << "only 高 asks a password";
    ASSERT_TRUE(d.click("OK"));
    EXPECT_TRUE(d.shows("セキュリティレベル 低"));
    issue_and_install(d);
    EXPECT_EQ(d.page.session.pc_store(cp::PcId::Admin)->certificates.back().protection, cp::KeyProtection::Low);
}

TEST(RenewalScreens, OutsideTheWindowRenewalIsNotOffered) {
    Driver d;  // the seed world: a year left
    d.to_menu();
    EXPECT_EQ(d.ui.find("証明書更新"), nullptr);
    EXPECT_TRUE(d.shows("現在、お知らせ情報はありません。"));
    ASSERT_TRUE(d.click("ご契約先認証情報変更"));
    const cp::test::WidgetInfo* entry = d.ui.find("証明書更新 >");
    ASSERT_NE(entry, nullptr);
    EXPECT_TRUE(entry->disabled) << "visible, disabled, with the reason as its tooltip";
}

// --- the certificate manager ---------------------------------------------------------------------

std::string expiry_label(const cp::InstalledCertificate& c) { return cp::ui::format_date(c.not_after, cp::Language::Japanese); }

// ツール → インターネットオプション(O) → コンテンツ → 証明書(C).
void open_certificates(Driver& d) {
    ASSERT_TRUE(d.click("ツール"));
    ASSERT_TRUE(d.click("インターネットオプション(O)"));
    ASSERT_NE(d.page.session.certificate_manager(), nullptr);
    EXPECT_TRUE(d.ui.find("セキュリティ")->disabled) << "outside the procedure: disabled, explained";
    ASSERT_TRUE(d.click("コンテンツ"));
    ASSERT_TRUE(d.click("証明書(C)"));
    for (const char* label : {"個人", "ほかの人", "中間証明機関", "信頼されたルート証明機関"}) EXPECT_NE(d.ui.find(label), nullptr) << label;
    for (const char* header : {"発行先", "発行者", "有効期限", "フレンドリ名"}) EXPECT_TRUE(d.shows(header)) << header;
}

// After a renewal: 管理者のパソコン holds {old, new}.
void renew(Driver& d) {
    to_menu_in_window(d);
    to_protected_item(d);
    issue_and_install(d);
    ASSERT_TRUE(d.click("このウィンドウを閉じる"));
}

TEST(CertificateManagerScreens, ShowsBothDetailsAndDeletesTheOldOne) {
    Driver d;
    renew(d);
    const auto& store = *d.page.session.pc_store(cp::PcId::Admin);
    const cp::InstalledCertificate old_one = store.certificates.front();
    open_certificates(d);
    int rows = 0;
    for (const cp::test::WidgetInfo& w : d.ui.widgets())
        if (w.label == "00009876543 1635") ++rows;
    EXPECT_EQ(rows, 2) << "① 管理者の電子証明書が2つ";
    const cp::test::WidgetInfo* export_button = d.ui.find("エクスポート(E)...");
    ASSERT_NE(export_button, nullptr);
    EXPECT_TRUE(export_button->disabled);
    EXPECT_TRUE(d.ui.find("削除(R)")->disabled) << "nothing chosen yet";
    ASSERT_TRUE(d.click(expiry_label(old_one)));  // ③ the 「旧」 one, by its 有効期限
    ASSERT_TRUE(d.click("表示(V)"));
    EXPECT_TRUE(d.shows("証明書の状態（銀行の失効リストによる）"));
    EXPECT_TRUE(d.shows("有効")) << "still valid until its 有効期限";
    cp::pki::Certificate parsed;
    ASSERT_EQ(parsed.parse(cp::pki::ByteView(old_one.certificate.data(), old_one.certificate.size())), cp::pki::PkiError::Ok);
    EXPECT_NE(d.ui.find(parsed.sha1_fingerprint()), nullptr) << "the thumbprint from the DER";
    const std::string sha256 = parsed.sha256_fingerprint();
    EXPECT_NE(d.ui.find(sha256.substr(0, 48)), nullptr) << "on two lines: " << d.ui.labels();
    EXPECT_NE(d.ui.find(sha256.substr(48)), nullptr);
    // コピー after the serial and each thumbprint: the value itself goes to the clipboard.
    int copies = 0;
    for (const cp::test::WidgetInfo& w : d.ui.widgets()) copies += w.label == "コピー" ? 1 : 0;
    EXPECT_EQ(copies, 3) << "serial, SHA-1, SHA-256";
    EXPECT_FALSE(d.shows("コピーしました"));
    ASSERT_TRUE(d.click("コピー"));
    const std::string serial = ImGui::GetClipboardText();
    EXPECT_FALSE(serial.empty());
    EXPECT_NE(d.ui.find(serial), nullptr) << "the serial as shown: " << serial;
    EXPECT_TRUE(d.shows("コピーしました"));
    ASSERT_TRUE(d.click("OK"));
    ASSERT_TRUE(d.click("削除(R)"));  // ④
    EXPECT_TRUE(d.shows("証明書を削除しますか？"));
    EXPECT_FALSE(d.shows("「電子証明書」「有効期限」を必ずご確認ください。")) << "the old one: no warning";
    ASSERT_TRUE(d.click("はい"));
    EXPECT_EQ(store.certificates.size(), 1u);
    ASSERT_TRUE(d.click("閉じる(C)"));
    ASSERT_TRUE(d.click("OK"));
    EXPECT_EQ(d.page.session.certificate_manager(), nullptr);
    // The new one logs on.
    d.page.apply(cp::cmd::LeaveFlow{});
    d.ui.settle(d.draw);
    d.to_menu();
}

TEST(CertificateManagerScreens, DeletingTheNewOneWarnsInBoldFirstAndThenTheLogonFails) {
    Driver d;
    renew(d);
    const auto& store = *d.page.session.pc_store(cp::PcId::Admin);
    const cp::InstalledCertificate new_one = store.certificates.back();
    open_certificates(d);
    ASSERT_TRUE(d.click(expiry_label(new_one)));
    ASSERT_TRUE(d.click("削除(R)"));
    EXPECT_TRUE(d.shows("これは新しい電子証明書です。「電子証明書」「有効期限」を必ずご確認ください。"));
    EXPECT_TRUE(d.shows("「電子証明書」「有効期限」を必ずご確認ください。誤って削除された場合、ログオン不可または書面でのお手続きが必要となる場合がございます。"));
    ASSERT_TRUE(d.click("いいえ"));
    EXPECT_EQ(store.certificates.size(), 2u);
    ASSERT_TRUE(d.click(expiry_label(new_one)));
    ASSERT_TRUE(d.click("削除(R)"));
    ASSERT_TRUE(d.click("はい"));
    EXPECT_EQ(store.certificates.size(), 1u);
    ASSERT_TRUE(d.click("閉じる(C)"));
    ASSERT_TRUE(d.click("OK"));
    ASSERT_TRUE(d.click("ログオフ"));
    d.choose(cp::test::kAdminCertificate);
    if (d.screen() == Screen::KeyAccess) {
        ASSERT_TRUE(d.click("許可"));
    }
    EXPECT_EQ(d.screen(), Screen::Failed);
    EXPECT_TRUE(d.shows("この電子証明書は更新済みの古い電子証明書です。新しい電子証明書を選択してください。"));
}

TEST(CertificateManagerScreens, TheCaTabsListTheBanksCertificatesReadOnly) {
    Driver d;
    open_certificates(d);
    ASSERT_TRUE(d.click("信頼されたルート証明機関"));
    const std::string root = d.page.session.simulation()->authority().root_certificate().subject_identity().common_name;
    ASSERT_TRUE(d.click(root));
    EXPECT_TRUE(d.ui.find("削除(R)")->disabled);
    ASSERT_TRUE(d.click("表示(V)"));
    EXPECT_TRUE(d.shows("有効"));
    EXPECT_TRUE(d.shows("証明のパス"));
}

// --- the desk: mailbox and branch ------------------------------------------------------------------

// サンプルデータ: コピー after the 契約者ID and each 利用者ID (what a person types elsewhere), never
// after a PIN.
TEST(DeskScreens, TheSampleDataCopiesIdsButNeverAPin) {
    Driver d;
    ASSERT_TRUE(d.click("サンプルデータ"));
    // Each コピー, top to bottom, copies the ID of its row: the 契約者ID, then S0001, then S0002.
    std::vector<ImVec2> copies;
    for (const cp::test::WidgetInfo& w : d.ui.widgets())
        if (w.label == "コピー") copies.push_back(w.center());
    ASSERT_EQ(copies.size(), 3u) << "契約者ID, S0001, S0002 (no PIN row has one): " << d.ui.labels();
    std::vector<std::string> copied;
    for (const ImVec2& at : copies) {
        ASSERT_TRUE(d.ui.click_at(at, d.draw));
        copied.emplace_back(ImGui::GetClipboardText());
        EXPECT_TRUE(d.shows("コピーしました"));
    }
    EXPECT_EQ(copied, (std::vector<std::string>{"00009876543", "S0001", "S0002"}));
    d.ui.move_mouse(ImVec2(5, 5), d.draw);
    EXPECT_FALSE(d.shows("コピーしました")) << "said while the pointer stays on it";
}

// サンプルデータ in either language, from a wide screen (1280 × 800, the browser's) to a phone: the
// panel's title is whole in its title bar, beside the close button, where the screen is wide
// enough for it, and every clock button (+1日 … +1年) inside the panel, on a second row if need be.
TEST(DeskScreens, TheSampleDataPanelHoldsItsTitleAndClockButtons) {
    for (const float width : {1280.0f, 1024.0f, 390.0f}) {
        for (const cp::Language language : {cp::Language::Japanese, cp::Language::English}) {
            const char* lang = language == cp::Language::English ? "en" : "ja";
            Driver d(width, 800);
            d.state.language = language;
            d.ui.settle(d.draw);
            ASSERT_TRUE(d.click(cp::text(cp::TextId::DeskSampleData, language)));
            const ImGuiWindow* panel = ImGui::FindWindowByName("###panel");
            ASSERT_NE(panel, nullptr);
            const float right = panel->Pos.x + panel->Size.x - panel->WindowPadding.x + 0.5f;
            for (const cp::TextId id : {cp::TextId::SampleClockDay, cp::TextId::SampleClockWeek, cp::TextId::SampleClockMonth,
                                        cp::TextId::SampleClockYear}) {
                const cp::test::WidgetInfo* b = d.ui.find(cp::text(id, language));
                ASSERT_NE(b, nullptr) << d.ui.labels();
                EXPECT_LE(b->max.x, right) << lang << " at " << width << " px: " << b->label << " cut off by the panel's edge";
                EXPECT_LE(b->max.x, width) << lang << " at " << width << " px: " << b->label << " off the screen";
            }
            const char* title = cp::text(cp::TextId::SampleDataTitle, language);
            float title_w = 0.0f;
            float font = 0.0f;
            d.ui.frame([&] {
                title_w = ImGui::CalcTextSize(title).x;  // at the size the title bar draws it
                font = ImGui::GetFontSize();
                d.draw();
            });
            // The title bar holds the title, the close button (a line high and wide) and padding,
            // as ImGui lays it out (RenderWindowTitleBarContents).
            const ImGuiStyle& style = ImGui::GetStyle();
            const float needed = title_w + 2 * style.FramePadding.x + font + style.ItemInnerSpacing.x;
            if (needed <= width - 16.0f) {
                EXPECT_GE(panel->Size.x + 0.5f, needed) << lang << " at " << width << " px: the title is cut";
            }
        }
    }
}

// An unread count in メール makes the taskbar a little too wide for one row on a screen about this
// wide (1280 px in the browser): 操作中のパソコン： gives way rather than the language going to a
// second row (the highlighted PC button says the same).
TEST(DeskScreens, UnreadMailDoesNotPushTheLanguageToASecondRow) {
    Driver d(1100, 800);
    d.page.load_preset(cp::Preset::AdminRenewalWindow);
    for (const cp::Language language : {cp::Language::Japanese, cp::Language::English}) {
        d.state.language = language;
        d.ui.settle(d.draw);
        const bool ja = language == cp::Language::Japanese;
        const auto* first = d.ui.find(ja ? "サンプルデータ" : "Sample data");
        const auto* last = d.ui.find("English");
        ASSERT_NE(first, nullptr) << d.ui.labels();
        ASSERT_NE(last, nullptr) << d.ui.labels();
        EXPECT_NE(d.ui.labels().find(ja ? "メール (" : "Mail ("), std::string::npos) << "unread mail: " << d.ui.labels();
        EXPECT_NEAR(first->min.y, last->min.y, 0.5f) << (ja ? "ja" : "en") << ": the language on a second row";
    }
}

TEST(DeskScreens, TheMailboxCountsUnreadMailAndReadingMarksItRead) {
    Driver d;
    d.page.load_preset(cp::Preset::AdminRenewalWindow);
    d.ui.settle(d.draw);
    unsigned unread = 0;
    for (const cp::Mail& m : d.page.bank().state().mailbox) unread += m.read ? 0u : 1u;
    ASSERT_GT(unread, 0u);
    const std::string label = "メール (" + std::to_string(unread) + ")";
    ASSERT_TRUE(d.click(label)) << d.ui.labels();
    ASSERT_TRUE(d.click("電子証明書更新のお知らせ"));
    EXPECT_TRUE(d.shows("管理者ログオンし「証明書更新」ボタンをクリックして"));
    const std::string after = unread == 1 ? std::string("メール") : "メール (" + std::to_string(unread - 1) + ")";
    EXPECT_NE(d.ui.find(after), nullptr) << d.ui.labels();
    ASSERT_TRUE(d.click("一覧へ戻る"));
    EXPECT_NE(d.ui.find("電子証明書更新のお知らせ"), nullptr);
}

TEST(DeskScreens, TheBranchUnlocksALockedContractOnTheSimulatedClock) {
    Driver d;
    d.page.load_preset(cp::Preset::ContractLocked);
    d.ui.settle(d.draw);
    ASSERT_TRUE(d.click("お取引店"));
    for (const char* form : {"シティ信金ビジネスダイレクト暗証番号閉塞解除依頼書", "シティ信金ビジネスダイレクトお客様カード再発行依頼書",
                             "シティ信金ビジネスダイレクト電子証明書再発行依頼書"})
        EXPECT_TRUE(d.shows(form)) << form;
    EXPECT_TRUE(d.shows("再発行には2～3週間程度の日数を要します。当金庫所定の再発行手数料が必要となります。"));
    ASSERT_TRUE(d.click("「暗証番号閉塞解除依頼書」を提出する"));
    EXPECT_NE(d.ui.find("シティ信金ビジネスダイレクト暗証番号閉塞解除依頼書  [受付]"), nullptr) << d.ui.labels();
    ASSERT_TRUE(d.click("サンプルデータ"));
    ASSERT_TRUE(d.click("+1日"));
    ASSERT_TRUE(d.click("お取引店"));
    EXPECT_NE(d.ui.find("シティ信金ビジネスダイレクト暗証番号閉塞解除依頼書  [処理中]"), nullptr);
    ASSERT_TRUE(d.click("サンプルデータ"));
    ASSERT_TRUE(d.click("+1日"));
    ASSERT_TRUE(d.click("お取引店"));
    EXPECT_NE(d.ui.find("シティ信金ビジネスダイレクト暗証番号閉塞解除依頼書  [完了]"), nullptr);
    ASSERT_TRUE(d.click("お取引店"));  // closes the panel
    d.to_menu();
}

}  // namespace

namespace {

TEST(DeskScreens, DeletingTheValidCertificateIsRecoveredThroughTheBranch) {
    Driver d;
    renew(d);
    const auto& store = *d.page.session.pc_store(cp::PcId::Admin);
    open_certificates(d);
    ASSERT_TRUE(d.click(expiry_label(store.certificates.back())));
    ASSERT_TRUE(d.click("削除(R)"));
    ASSERT_TRUE(d.click("はい"));
    ASSERT_TRUE(d.click("閉じる(C)"));
    ASSERT_TRUE(d.click("OK"));
    ASSERT_TRUE(d.click("ログオフ"));
    // The branch: 電子証明書再発行依頼書, two days on the simulated clock.
    ASSERT_TRUE(d.click("お取引店"));
    ASSERT_TRUE(d.click("「電子証明書再発行依頼書」を提出する"));
    EXPECT_NE(d.ui.find("シティ信金ビジネスダイレクト電子証明書再発行依頼書  [受付]"), nullptr) << d.ui.labels();
    ASSERT_TRUE(d.click("サンプルデータ"));
    ASSERT_TRUE(d.click("+1日"));
    ASSERT_TRUE(d.click("+1日"));
    ASSERT_TRUE(d.click("サンプルデータ"));
    // The mail says what to do next (S0001's renewal reminder arrived too, on the same days).
    unsigned unread = 0;
    for (const cp::Mail& m : d.page.bank().state().mailbox) unread += m.read ? 0u : 1u;
    ASSERT_TRUE(d.click("メール (" + std::to_string(unread) + ")")) << d.ui.labels();
    ASSERT_TRUE(d.click("管理者電子証明書再発行のお知らせ"));
    EXPECT_TRUE(d.shows("管理者のパソコンから「管理者電子証明書取得」を行ってください。"));
    ASSERT_TRUE(d.click("メール (" + std::to_string(unread - 1) + ")"));  // closes the panel
    // 管理者ログイン → 管理者電子証明書取得.
    ASSERT_TRUE(d.click("管理者ログイン"));
    ASSERT_TRUE(d.click("管理者電子証明書取得"));
    d.type_into("契約者ID", cp::kSeedSecrets.contract_id);
    d.type_into("ご契約先暗証番号", cp::kSeedSecrets.contract_pin);
    ASSERT_TRUE(d.click("次へ >"));
    EXPECT_TRUE(d.shows(kWebAccess));
    ASSERT_TRUE(d.click("はい"));
    EXPECT_TRUE(d.shows("電子証明書 取得完了"));
    ASSERT_TRUE(d.click("トップページへ戻る"));
    d.page.apply(cp::cmd::StartAdminLogin{});
    d.page.apply(cp::cmd::ChooseCertificate{store.certificates.back().serial});
    d.ui.settle(d.draw);
    ASSERT_TRUE(d.click("許可"));
    ASSERT_EQ(d.screen(), Screen::ContractPin) << "logs on again with the obtained certificate";
}

}  // namespace

namespace {

TEST(CertificateManagerScreens, OnAPhoneTheButtonsAndTabsWrapInsteadOfLeavingTheDialog) {
    Driver d(390, 844);
    open_certificates(d);  // every tab found: none cut off
    const cp::test::WidgetInfo* personal = d.ui.find("個人");
    ASSERT_NE(personal, nullptr);
    // The 有効期限 (what the seed asks to check) is in view without scrolling sideways.
    const cp::test::WidgetInfo* expiry = d.ui.find(expiry_label(d.page.session.pc_store(cp::PcId::Admin)->certificates.front()));
    ASSERT_NE(expiry, nullptr) << d.ui.labels();
    EXPECT_LE(expiry->max.x, 390.0f);
    for (const char* panel : {"サンプルデータ", "お客様カード", "お取引店", "日本語", "English"}) {
        const cp::test::WidgetInfo* w = d.ui.find(panel);
        ASSERT_NE(w, nullptr) << panel;
        EXPECT_LE(w->max.x, 390.0f) << panel << ": the taskbar wraps instead of cutting it off";
    }
    ASSERT_TRUE(d.click(d.page.session.pc_store(cp::PcId::Admin)->certificates.front().subject.display_name()));
    for (const char* button : {"インポート(I)...", "エクスポート(E)...", "削除(R)", "表示(V)", "閉じる(C)"}) {
        const cp::test::WidgetInfo* w = d.ui.find(button);
        ASSERT_NE(w, nullptr) << button << ": " << d.ui.labels();
        EXPECT_LE(w->max.x, 390.0f) << button << " inside the screen";
    }
}

}  // namespace

namespace {

TEST(RenewalScreens, TheLanguageSwitchesWhileAnOsDialogWaits) {
    Driver d;
    to_menu_in_window(d);
    to_protected_item(d);
    ASSERT_TRUE(d.click("English"));
    EXPECT_TRUE(d.shows("An application is creating a protected item.")) << "the taskbar works while a dialog waits";
    ASSERT_TRUE(d.click("日本語"));
    EXPECT_TRUE(d.shows(kProtectedItem));
}

}  // namespace
