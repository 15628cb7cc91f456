// The demo console, as a person uses it: found by its words, clicked, typed into, on ImGui's null
// backend over a real Session (portal_driver.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/policy.h"
#include "console/console.h"
#include "portal_driver.h"

namespace {

using cp::test::Driver;

struct ConsoleDriver : Driver {
    // Tall, as the portal tests are: the whole console fits (the widget registry also reports
    // a collapsing header that the console has scrolled out of view).
    explicit ConsoleDriver(float width = 1400, float height = 2400) : Driver(width, height) {
        console = &demo;
        ui.settle(draw);
        click("デモコンソールを開く");
    }
    cp::DemoConsole demo;
    const cp::test::WidgetInfo* widget(std::string_view label) const { return ui.find(label); }
    // Static text and labelled values (labelled_text reports itself as a widget).
    bool shows(std::string_view fragment) const {
        for (const auto& w : ui.widgets())
            if (w.label.find(fragment) != std::string::npos) return true;
        return Driver::shows(fragment);
    }
    // A person scrolls the console (not the desk) to what is below its fold, then clicks.
    bool click(std::string_view label) {
        const ImVec2 over(ImGui::GetIO().DisplaySize.x - 60.0f, ImGui::GetIO().DisplaySize.y * 0.6f);
        for (int i = 0; i < 8 && ui.find(label) == nullptr; ++i) ui.scroll(over, -3.0f, draw);
        for (int i = 0; i < 16 && ui.find(label) == nullptr; ++i) ui.scroll(over, 3.0f, draw);  // or above it
        return Driver::click(label);
    }
};

TEST(Console, SitsBesideTheDeskAndCollapses) {
    ConsoleDriver d;
    EXPECT_TRUE(d.shows("実行中のシナリオ：サンプルの最初の状態"));
    const auto* login = d.widget("管理者ログイン");
    ASSERT_NE(login, nullptr) << d.ui.labels();
    EXPECT_LT(login->max.x, 1400 - cp::ui::kConsoleWidth);  // the desk gives the console its strip
    ASSERT_TRUE(d.click("デモコンソールを閉じる"));
    EXPECT_FALSE(d.demo.open());
    ASSERT_NE(d.widget("デモコンソールを開く"), nullptr);
    ASSERT_TRUE(d.click("デモコンソールを開く"));
    EXPECT_TRUE(d.demo.open());
}

TEST(Console, OnANarrowScreenItOpensOverTheDesk) {
    ConsoleDriver d(390, 844);
    const auto* day = d.widget("+1 日");
    ASSERT_NE(day, nullptr) << d.ui.labels();
    EXPECT_LT(day->min.x, 60.0f);  // full width, over the desk
    // It stops above the taskbar, whose toggle closes it.
    ASSERT_TRUE(d.click("デモコンソールを閉じる"));
    EXPECT_FALSE(d.demo.open());
}

// On a phone the taskbar wraps group by group: in English the console's toggle and the language
// switch do not fit one row, and neither may run off the screen, with a mouse or a finger. (The
// registry's rectangles are what is visible: a button cut by the screen's edge is narrower there
// than on a wide screen.)
TEST(Console, OnAPhoneTheTaskbarFitsInEitherLanguage) {
    // The visible width of the toggle and the language buttons, per language and pointer, at a
    // screen width (one driver at a time: each has the ImGui context while it lives).
    const auto widths = [](float screen_width) {
        std::vector<float> out;
        ConsoleDriver d(screen_width, 844);
        for (const cp::Language language : {cp::Language::Japanese, cp::Language::English}) {
            for (const bool finger : {false, true}) {
                d.state.language = language;
                d.state.coarse_pointer = finger;
                d.ui.settle(d.draw);
                for (const char* label : {language == cp::Language::English ? "Close demo console" : "デモコンソールを閉じる", "日本語", "English"}) {
                    const auto* w = d.widget(label);
                    EXPECT_NE(w, nullptr) << label << ": " << d.ui.labels();
                    out.push_back(w != nullptr ? w->max.x - w->min.x : 0.0f);
                }
            }
        }
        return out;
    };
    const std::vector<float> wide = widths(1280), phone = widths(390);
    ASSERT_EQ(wide.size(), phone.size());
    for (std::size_t i = 0; i < wide.size(); ++i)
        EXPECT_NEAR(phone[i], wide[i], 0.5f) << "button " << i % 3 << " of case " << i / 3 << " (ja/en × mouse/finger): cut off by the screen's edge";
}

TEST(Console, AScenarioStartsAtOnceOnAFreshWorldAndAsksWhenProgressWouldGo) {
    ConsoleDriver d;
    ASSERT_TRUE(d.click("利用者の電子証明書の再発行（001 その1）"));
    EXPECT_EQ(cp::to_jst(d.page.bank().now()).day, 10);  // 2023-10-10: started without a question
    EXPECT_TRUE(d.shows("実行中のシナリオ：利用者の電子証明書の再発行（001 その1）"));
    ASSERT_TRUE(d.click("+1 日"));  // progress: a clock move
    ASSERT_TRUE(d.click("お客様カードの紛失"));
    EXPECT_TRUE(d.shows("今の進み具合（操作履歴"));
    ASSERT_TRUE(d.click("やめる"));
    EXPECT_FALSE(d.page.bank().state().contract.card.lost);  // nothing replaced
    ASSERT_TRUE(d.click("お客様カードの紛失"));
    ASSERT_TRUE(d.click("開始する"));
    EXPECT_TRUE(d.page.bank().state().contract.card.lost);
    EXPECT_TRUE(d.shows("実行中のシナリオ：お客様カードの紛失"));
}

// A profile whose rules differ from the running world's (here: 5 wrong tries lock, pickup within
// 90 days): the console says which rules differ and that the running world keeps its own; its
// button makes a new world with the profile's rules through 開始's path (asking first when
// progress would go), after which nothing differs.
TEST(Console, AProfilesOtherRulesAreSaidAndANewWorldOffered) {
    ConsoleDriver d;
    EXPECT_FALSE(d.shows("このプロファイルの規則は"));
    cp::BankConfig policy;
    policy.contract_lockout_count = 5;
    policy.pickup_window_days = 90;
    cp::Simulation& sim = *d.page.session.simulation();
    sim.set_new_world_config(cp::with_policy(sim.new_world_config(), policy));
    d.ui.settle(d.draw);
    EXPECT_TRUE(d.shows("このプロファイルの規則は、いまの世界の規則と違います。"));
    EXPECT_TRUE(d.shows("取得可能期間（日）：いまの世界 80 → プロファイル 90"));
    EXPECT_TRUE(d.shows("ロックまでの回数：いまの世界 6 → プロファイル 5"));
    EXPECT_EQ(d.page.bank().state().config.contract_lockout_count, 6u);  // the running world keeps its rules
    ASSERT_TRUE(d.click("+1 日"));  // progress: the new world asks first
    ASSERT_TRUE(d.click("このプロファイルの規則で新しい世界を始める"));
    EXPECT_TRUE(d.shows("今の進み具合（操作履歴"));
    ASSERT_TRUE(d.click("開始する"));
    EXPECT_EQ(d.page.bank().state().config.contract_lockout_count, 5u);
    EXPECT_EQ(d.page.bank().state().config.pickup_window_days, 90u);
    EXPECT_FALSE(d.shows("このプロファイルの規則は"));
}

// The bank page says so too, until read (the console keeps its list).
TEST(Console, TheBankPageSaysAProfilesRulesDifferUntilRead) {
    ConsoleDriver d;
    const char* on_page = "違いはデモコンソールの「シナリオ」にあります。";
    EXPECT_FALSE(d.shows(on_page));
    cp::BankConfig policy;
    policy.pickup_window_days = 90;
    cp::Simulation& sim = *d.page.session.simulation();
    sim.set_new_world_config(cp::with_policy(sim.new_world_config(), policy));
    d.ui.settle(d.draw);
    EXPECT_TRUE(d.shows(on_page));
    ASSERT_TRUE(d.click("閉じる"));
    EXPECT_FALSE(d.shows(on_page));
    EXPECT_TRUE(d.shows("取得可能期間（日）：いまの世界 80 → プロファイル 90"));  // the console still lists it
}

TEST(Console, ClockButtonsSayWhatHappened) {
    ConsoleDriver d;
    ASSERT_TRUE(d.click("+1 日"));
    EXPECT_TRUE(d.shows("メールを送信：電子証明書更新のお知らせ（S0001）")) << d.ui.labels();
    EXPECT_TRUE(d.shows("模擬日時：2023年09月02日 10:00"));
    ASSERT_TRUE(d.click("+1 週"));
    ASSERT_TRUE(d.click("+1 か月"));
    EXPECT_TRUE(d.shows("の電子証明書の有効期限が切れました"));  // S0001's, on 10-02
    ASSERT_TRUE(d.click("+1 年"));
    EXPECT_EQ(cp::to_jst(d.page.bank().now()).year, 2024);
}

TEST(Console, ATypedDateMovesTheClockOrSaysWhyNot) {
    ConsoleDriver d;
    d.type_into("日付（YYYY-MM-DD）", "2023-08-01");
    ASSERT_TRUE(d.click("この日付まで進める"));
    EXPECT_TRUE(d.shows("今日以降の日を入力してください"));
    ASSERT_TRUE(d.click("日付（YYYY-MM-DD）"));
    d.ui.press(ImGuiKey_End, d.draw);
    for (int i = 0; i < 10; ++i) d.ui.press(ImGuiKey_Backspace, d.draw);
    d.ui.type("2023-10-03", d.draw);
    ASSERT_TRUE(d.click("この日付まで進める"));
    EXPECT_EQ(cp::to_jst(d.page.bank().now()).month, 10);
    EXPECT_TRUE(d.shows("S0001 の電子証明書の有効期限が切れました"));
}

TEST(Console, PcsBrowserKindAndShortcuts) {
    ConsoleDriver d;
    ASSERT_TRUE(d.click("利用者のパソコン（電子証明書 2 枚）"));
    EXPECT_EQ(d.page.session.desk().pc(), cp::PcId::User);
    EXPECT_TRUE(d.shows("00009876543 S0001"));
    const auto* add = d.widget("パソコンを追加");
    ASSERT_NE(add, nullptr);
    EXPECT_TRUE(add->disabled);  // not real yet: the tooltip says so
    ASSERT_TRUE(d.click("Google Chrome"));
    EXPECT_EQ(d.page.session.desk().browser_kind(), cp::BrowserKind::Chrome);
    ASSERT_TRUE(d.click("ショートカット"));
    ASSERT_TRUE(d.click("お客様カード を開く"));
    EXPECT_EQ(d.page.session.desk().panel(), cp::DeskPanel::CustomerCard);
    ASSERT_TRUE(d.click("トークン を開く"));
    EXPECT_EQ(d.page.session.desk().panel(), cp::DeskPanel::Token);
}

TEST(Console, AuditLogVerifiesAndExportsAsJson) {
    ConsoleDriver d;
    ASSERT_TRUE(d.click("監査ログ"));
    ASSERT_TRUE(d.click("ハッシュチェーンを検証"));
    EXPECT_TRUE(d.shows("操作履歴は改ざんされていません"));
    ASSERT_TRUE(d.click("監査ログを JSON で保存"));
    auto file = d.demo.take_download();
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->mime, "application/json");
    const std::string json(file->bytes.begin(), file->bytes.end());
    EXPECT_NE(json.find("\"verified\":true"), std::string::npos);
    EXPECT_NE(json.find("\"action\":\"PresetLoaded\""), std::string::npos);
    // Tampered with: the console says where the chain breaks, and so does the file.
    d.page.bank().mutable_state_for_presets().audit.mutable_entries_for_tests().front().target = "forged";
    ASSERT_TRUE(d.click("ハッシュチェーンを検証"));
    EXPECT_TRUE(d.shows("1 件目以降に不整合があります"));
}

TEST(Console, ExportThenImportRoundTripAndARefusedFile) {
    ConsoleDriver d;
    ASSERT_TRUE(d.click("+1 日"));
    const std::size_t entries = d.page.bank().state().audit.entries().size();
    ASSERT_TRUE(d.click("進み具合の保存"));
    ASSERT_TRUE(d.click("ファイルに書き出す"));
    EXPECT_TRUE(d.shows("保護レベル「中」の鍵 3 個は"));
    auto file = d.demo.take_download();
    ASSERT_TRUE(file.has_value());
    ASSERT_TRUE(d.click("サンプルの最初の状態に戻す"));
    ASSERT_TRUE(d.click("開始する"));
    EXPECT_NE(d.page.bank().state().audit.entries().size(), entries);
    ASSERT_TRUE(d.click("ファイルから読み込む"));
    EXPECT_TRUE(d.demo.take_file_request());  // the platform opens its file picker
    d.demo.import_file(file->bytes, d.page.session);
    d.ui.settle(d.draw);
    EXPECT_TRUE(d.shows("読み込みました。"));
    EXPECT_EQ(d.page.bank().state().audit.entries().size(), entries);
    std::vector<std::uint8_t> damaged = file->bytes;
    damaged[damaged.size() / 2] ^= 1;
    d.demo.import_file(damaged, d.page.session);
    d.ui.settle(d.draw);
    EXPECT_TRUE(d.shows("このファイルは壊れているか、書き換えられています。何も変更していません。"));
    EXPECT_EQ(d.page.bank().state().audit.entries().size(), entries);
}

TEST(Console, SpeaksEnglishToo) {
    ConsoleDriver d;
    d.state.language = cp::Language::English;
    d.ui.settle(d.draw);
    EXPECT_NE(d.widget("Reset to the seed world"), nullptr) << d.ui.labels();
    ASSERT_TRUE(d.click("+1 day"));
    EXPECT_TRUE(d.shows("Mail sent:"));
}

// A link's mistake keeps its reason and the default used at any length: the value is cut.
TEST(Console, ALongLinkValueKeepsTheReasonAndTheDefault) {
    ConsoleDriver d;
    for (const std::size_t n : {std::size_t{1000}, std::size_t{10 * 1024}}) {
        d.demo.set_link(cp::parse_link_params("?lang=" + std::string(n, 'x')));
        d.ui.settle(d.draw);
        EXPECT_TRUE(d.shows("：言語は ja か en です（日本語で表示します）")) << n << ": " << d.ui.labels().substr(0, 2000);
        EXPECT_TRUE(d.shows("xxx…：")) << n;
    }
}

TEST(Console, KioskModeHidesTheConsoleAndMakesTargetsTouchSized) {
    ConsoleDriver d(1280, 800);
    d.demo.set_link(cp::parse_link_params("?kiosk=1"));  // hides it again
    d.ui.settle(d.draw);
    EXPECT_EQ(d.widget("デモコンソールを開く"), nullptr);  // no tab for a visitor to find
    EXPECT_EQ(d.widget("+1 日"), nullptr);
    for (const char* label : {"管理者ログイン", "利用者ログイン", "管理者のパソコン", "日本語"}) {
        const auto* w = d.widget(label);
        ASSERT_NE(w, nullptr) << label;
        EXPECT_GE(w->max.y - w->min.y, 44.0f) << label;
    }
    // The key chord opens it.
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiMod_Alt, true);
    io.AddKeyEvent(ImGuiKey_D, true);
    d.ui.frame(d.draw);
    io.AddKeyEvent(ImGuiKey_D, false);
    io.AddKeyEvent(ImGuiMod_Alt, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    d.apply();
    d.ui.settle(d.draw);
    EXPECT_TRUE(d.demo.open());
    EXPECT_NE(d.widget("+1 日"), nullptr);
}

// A finger for a pointer (a phone, a tablet: the platform reports CSS `pointer: coarse`): the same
// 44 px targets as a kiosk, the console still there; a mouse again: the desktop's sizes.
TEST(Console, ACoarsePointerMakesTargetsTouchSizedOutsideAKioskToo) {
    ConsoleDriver d(1280, 800);
    const auto height = [&](const char* label) {
        const auto* w = d.widget(label);
        EXPECT_NE(w, nullptr) << label << ": " << d.ui.labels();
        return w != nullptr ? w->max.y - w->min.y : 0.0f;
    };
    EXPECT_LT(height("管理者のパソコン"), 44.0f) << "a mouse: the desktop's size";
    d.state.coarse_pointer = true;
    d.ui.settle(d.draw);
    for (const char* label : {"管理者ログイン", "利用者ログイン", "管理者のパソコン", "日本語", "デモコンソールを閉じる"})
        EXPECT_GE(height(label), 44.0f) << label;
    d.state.coarse_pointer = false;
    d.ui.settle(d.draw);
    EXPECT_LT(height("管理者のパソコン"), 44.0f);
}

// Under touch targets the screens' own smaller frames grow too: 管理者ログイン's shorter button,
// the browser's menus and their entries, the OS dialogs' buttons and the certificate list's rows.
TEST(Console, TouchTargetsReachTheBrowserMenusAndTheOsDialogs) {
    ConsoleDriver d(1280, 800);
    d.state.coarse_pointer = true;
    d.ui.settle(d.draw);
    const auto height = [&](const char* label) {
        const auto* w = d.widget(label);
        EXPECT_NE(w, nullptr) << label << ": " << d.ui.labels();
        return w != nullptr ? w->max.y - w->min.y : 0.0f;
    };
    ASSERT_TRUE(d.click("管理者ログイン"));
    for (const char* label : {"管理者電子証明書取得", "ツール", "…"}) EXPECT_GE(height(label), 44.0f) << label;
    ASSERT_TRUE(d.click("ツール"));
    EXPECT_GE(height("インターネットオプション(O)"), 44.0f);
    ASSERT_TRUE(d.click("インターネットオプション(O)"));
    ASSERT_TRUE(d.click("コンテンツ"));
    for (const char* label : {"証明書(C)", "OK", "キャンセル"}) EXPECT_GE(height(label), 44.0f) << label;
    ASSERT_TRUE(d.click("証明書(C)"));
    for (const char* label : {"閉じる(C)", "個人", "00009876543 1635"}) EXPECT_GE(height(label), 44.0f) << label;
    d.state.coarse_pointer = false;
    d.ui.settle(d.draw);
    for (const char* label : {"閉じる(C)", "00009876543 1635"}) EXPECT_LT(height(label), 44.0f) << label << ": a mouse again";
}

TEST(Console, TheGuideShowsTheSeedsStepsAndWhereToClick) {
    ConsoleDriver d;
    const char* const nothing_here = "この手順でクリックする場所は、今の画面にはありません。";
    ASSERT_TRUE(d.click("利用者の電子証明書の再発行（001 その1）"));
    for (const char* seed : {"利用者の電子証明書を再発行する（001 その1・管理者の操作）",
                             "(3) 管理者ログインをクリックし、電子証明書方式 管理者ログインをクリックしてください。"})
        EXPECT_TRUE(d.shows(seed)) << seed;
    EXPECT_TRUE(d.shows("いまの手順：(3)"));
    ASSERT_TRUE(d.click("どこをクリックするか表示"));
    EXPECT_FALSE(d.shows(nothing_here));  // the login button is there
    ASSERT_TRUE(d.click("管理者ログイン"));
    ASSERT_TRUE(d.click("電子証明書方式 管理者ログイン"));  // (4): the chooser's OK is outlined now
    EXPECT_FALSE(d.shows(nothing_here));
    EXPECT_TRUE(d.shows("いまの手順：(4)"));
    ASSERT_TRUE(d.click("表示をやめる"));
    // A scenario without numbered steps says so.
    ASSERT_TRUE(d.click("キャンセル"));
    ASSERT_TRUE(d.click("お客様カードの紛失"));
    if (d.widget("開始する") != nullptr) {  // asked only when the cancelled login left audit entries
        ASSERT_TRUE(d.click("開始する"));
    }
    EXPECT_TRUE(d.shows("このシナリオには手順書の番号付きの手順はありません"));
}

}  // namespace
