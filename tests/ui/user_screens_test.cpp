// The user's screens (wasm/ui/user, the token on the desk, the browser's 「…」 menu) on ImGui's null
// backend, driven as a person drives them: find by words, click, type; the commands are applied
// to a real Session (tests/core/portal/session_fixture.h). Seed 001 part 2 by both paths, every
// failure path it names, and 電子証明書方式 利用者ログイン with the certificate obtained.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "portal_ui.h"
#include "screen_harness.h"
#include "session_fixture.h"
#include "theme.h"

namespace cp::ui {
// A verdict by name in a failure message.
inline void PrintTo(PasteVerdict v, std::ostream* os) {
    static const char* const kNames[] = {"Accept", "RefuseSecret", "RefuseTooLong", "RefuseNul"};
    *os << kNames[static_cast<int>(v)];
}
}  // namespace cp::ui

namespace {

using cp::FlowResult;
using cp::UserFlow;
using cp::test::ScreenHarness;
using cp::test::WidgetInfo;
using UserScreen = UserFlow::Screen;  // not Screen: the admin tests' alias shares their unity unit

const char* const kUserCertificate = "00009876543 S0001";

struct Person {
    explicit Person(float width = 1280, float height = 1200) : ui(width, height) { ui.settle(draw); }

    cp::test::BrowserProfile profile;
    cp::test::PageLoad page{profile};
    cp::PortalState state;
    cp::ui::UiOut out;
    ScreenHarness ui;
    std::function<void()> draw = [this] { cp::ui::draw_portal(state, page.session, out); };

    bool click(std::string_view label) {
        const ImVec2 over_page(ImGui::GetIO().DisplaySize.x * 0.5f, 400.0f);
        for (int i = 0; i < 12 && ui.find(label) == nullptr; ++i) ui.scroll(over_page, -2.0f, draw);
        out.clear();
        const bool ok = ui.click(label, draw);
        for (const cp::Action& a : out.actions) cp::apply(state, a);
        for (const cp::Command& c : out.commands) page.session.apply(c);
        out.clear();
        ui.settle(draw);
        return ok;
    }
    void type_into(std::string_view label, std::string_view text) {
        ASSERT_TRUE(click(label));
        ui.type(text, draw);
    }
    // Words on screen: static text, or values a test reads (labelled_text is a widget).
    bool shows(std::string_view fragment) const {
        for (const auto& list : {ui.texts(), ui.widgets()})
            for (const WidgetInfo& t : list)
                if (t.label.find(fragment) != std::string::npos) return true;
        return false;
    }
    UserScreen screen() { return page.session.user_flow() != nullptr ? page.session.user_flow()->screen() : UserScreen::Failed; }
    // The administrator's reissue, as the bank records it (its screens are admin_screens_test's).
    void reissue(const char* user) {
        ASSERT_EQ(page.bank().apply_user_certificate_action(user, cp::UserCertificateAction::Reissue,
                                                            cp::kSeedSecrets.confirmation_pin),
                  FlowResult::Ok);
        page.session.update();
        ui.settle(draw);
    }
    // 利用者のパソコン → 利用者ログイン → 電子証明書取得 → ① ② ③ → 次へ >.
    void enter_ids(std::string_view user = "S0001", std::string_view pin = cp::kSeedSecrets.s0001_pin) {
        if (page.session.desk().pc() != cp::PcId::User) {
            ASSERT_TRUE(click("利用者のパソコン"));
        }
        ASSERT_TRUE(click("利用者ログイン"));
        ASSERT_TRUE(click("電子証明書取得"));
        ASSERT_EQ(screen(), UserScreen::PickupIds);
        type_into("① 契約者ID(利用者番号)（※1）", cp::kSeedSecrets.contract_id);
        type_into("② 利用者ID（※2）", user);
        type_into("③ 利用者暗証番号（※3）", pin);
        ASSERT_TRUE(click("次へ >"));
    }
    // The token on the desk: 「1」, read the six digits, close it.
    std::string read_token() {
        EXPECT_TRUE(click("トークン"));
        EXPECT_TRUE(shows("「1」を押してください"));
        EXPECT_TRUE(click("1"));
        std::string code;
        for (const WidgetInfo& w : ui.widgets())
            if (w.label.size() == 6 && w.label.find_first_not_of("0123456789") == std::string::npos) code = w.label;
        EXPECT_TRUE(shows("あと")) << "the countdown";
        EXPECT_TRUE(click("トークン"));
        return code;
    }
    void enter_token_code() {
        const std::string code = read_token();
        ASSERT_EQ(code, page.bank().token_display("S0001")) << "the token shows the bank's current code";
        type_into("ワンタイムパスワード（※1）", code);
        ASSERT_TRUE(click("電子証明書取得"));
    }
    // The CA's page → ダウンロード → the browser's download → the app runs.
    void start_app(bool chrome = false) {
        ASSERT_EQ(screen(), UserScreen::PickupCaPage);
        const WidgetInfo* acquire = ui.find("取得");
        ASSERT_NE(acquire, nullptr) << ui.labels();
        EXPECT_TRUE(acquire->disabled) << "取得 waits for the app";
        ASSERT_TRUE(click("ダウンロード"));
        if (chrome) {
            const WidgetInfo* file = ui.find("ShinkinIBCertTool.exe");
            ASSERT_NE(file, nullptr) << ui.labels();
            EXPECT_LT(file->center().y, 1200.0f);
            EXPECT_GT(file->center().y, 900.0f) << "Chrome: at the bottom of the window";
            EXPECT_LT(file->center().x, 400.0f) << "Chrome: at the left";
            ASSERT_TRUE(click("ShinkinIBCertTool.exe"));
        } else {
            const WidgetInfo* open = ui.find("開く");
            ASSERT_NE(open, nullptr) << ui.labels();
            EXPECT_GT(open->center().x, 900.0f) << "Edge: at the top right";
            EXPECT_LT(open->center().y, 300.0f) << "Edge: at the top right";
            ASSERT_TRUE(click("開く"));
        }
        EXPECT_TRUE(shows("電子証明書取得アプリが起動しました"));
    }
    // After a successful pickup: 利用者ログイン → 電子証明書方式 利用者ログイン with the newest
    // certificate of this PC.
    void log_in_with_new_certificate() {
        ASSERT_TRUE(click("利用者ログイン"));
        ASSERT_TRUE(click("電子証明書方式 利用者ログイン"));
        ASSERT_EQ(screen(), UserScreen::LoginChooseCertificate);
        std::optional<ImVec2> at;
        for (const WidgetInfo& w : ui.widgets())
            if (w.label == kUserCertificate) at = w.center();  // the newest is listed last
        ASSERT_TRUE(at.has_value()) << ui.labels();
        out.clear();
        ASSERT_TRUE(ui.click_at(*at, draw));
        ASSERT_TRUE(click("OK"));
        ASSERT_EQ(screen(), UserScreen::LoginKeyAccess);
        ASSERT_TRUE(click("許可"));
        ASSERT_EQ(screen(), UserScreen::LoginPin) << result_name(page.session.user_flow()->failure());
        type_into("利用者暗証番号", cp::kSeedSecrets.s0001_pin);
        ASSERT_TRUE(click("ログイン"));
        ASSERT_EQ(screen(), UserScreen::LoginLanding);
    }
};

TEST(UserScreens, UserLoginsPageOffersThePickupOnlyOnTheUsersPc) {
    Person p;
    ASSERT_TRUE(p.click("利用者ログイン"));
    const WidgetInfo* acquire = p.ui.find("電子証明書取得");
    ASSERT_NE(acquire, nullptr) << p.ui.labels();
    EXPECT_TRUE(acquire->disabled) << "on 管理者のパソコン";
    EXPECT_TRUE(p.shows("初めての方はこちらから"));
    const WidgetInfo* faq = p.ui.find("よくあるご質問");
    ASSERT_NE(faq, nullptr);
    EXPECT_TRUE(faq->disabled) << "leads nowhere: disabled with a tooltip";
    ASSERT_TRUE(p.click("利用者のパソコン"));  // the other PC's browser opens on the top page
    ASSERT_TRUE(p.click("利用者ログイン"));
    EXPECT_FALSE(p.ui.find("電子証明書取得")->disabled);
}

TEST(UserScreens, AppPathFromTheTopPageToTheLoginWithTheNewCertificate) {
    Person p;
    p.reissue("S0001");
    p.enter_ids();
    ASSERT_EQ(p.screen(), UserScreen::PickupOneTimePassword);
    EXPECT_TRUE(p.shows("「1」ボタンを押して、トークンに表示された6桁の数字"));
    EXPECT_TRUE(p.shows("同じパスワードは連続して使用できません"));
    EXPECT_TRUE(p.shows("15秒～30秒"));
    EXPECT_TRUE(p.shows("取得期限：2023年11月20日"));
    p.enter_token_code();
    // The CA page's three links lead to pages the simulator does not have: links all the same (to
    // a screen reader too), disabled, saying why.
    for (const char* label : {"専用のアプリケーションのダウンロードおよび起動方法はこちら",
                              "専用のアプリケーションがダウンロードできない場合はこちら", "電子証明書を取得できる動作確認済み環境はこちら"}) {
        const WidgetInfo* link = p.ui.find(label);
        ASSERT_NE(link, nullptr) << label << ": " << p.ui.labels();
        EXPECT_EQ(link->role, cp::ui::WidgetRole::Link) << label;
        EXPECT_TRUE(link->disabled) << label;
        EXPECT_NE(link->description.find("シミュレーターにありません"), std::string::npos) << label;
    }
    p.start_app();
    EXPECT_FALSE(p.ui.find("取得")->disabled);
    ASSERT_TRUE(p.click("取得"));
    EXPECT_TRUE(p.shows("電子証明書 取得完了")) << "the app says it";
    ASSERT_TRUE(p.click("閉じる"));  // the app's (the page offers none once the app has worked)
    EXPECT_EQ(p.screen(), UserScreen::PickupDone);
    EXPECT_TRUE(p.shows("電子証明書 取得完了"));
    ASSERT_TRUE(p.click("トップページへ戻る"));
    p.log_in_with_new_certificate();
    EXPECT_TRUE(p.shows("しんきん 太郎 1"));
    EXPECT_TRUE(p.shows("前回ログオン日時"));
    EXPECT_TRUE(p.shows("電子証明書の有効期限"));
    EXPECT_TRUE(p.shows("2024年"));
    ASSERT_TRUE(p.click("ログオフ"));
    EXPECT_EQ(p.page.session.user_flow(), nullptr);
}

// On a phone the app's window sits over the bottom of the page: the page leaves room below its
// last line, so that a person can scroll 取得 above the window and press it there.
TEST(UserScreens, OnAPhoneAcquireScrollsAboveTheAppWindow) {
    Person p(390, 844);
    p.reissue("S0001");
    p.enter_ids();
    p.enter_token_code();
    ASSERT_EQ(p.screen(), UserScreen::PickupCaPage);
    ASSERT_TRUE(p.click("ダウンロード"));
    ASSERT_TRUE(p.click("開く"));
    const WidgetInfo* close = p.ui.find("ウィンドウを閉じる");  // the app's ×, in its title bar
    ASSERT_NE(close, nullptr) << p.ui.labels();
    const float app_top = close->min.y;
    for (int i = 0; i < 12; ++i) {
        const WidgetInfo* acquire = p.ui.find("取得");
        if (acquire != nullptr && acquire->max.y <= app_top) break;
        p.ui.scroll(ImVec2(195, app_top - 60), -2.0f, p.draw);
    }
    const WidgetInfo* acquire = p.ui.find("取得");
    ASSERT_NE(acquire, nullptr) << p.ui.labels();
    EXPECT_LE(acquire->max.y, app_top) << "取得 stays under the app's window";
    ASSERT_TRUE(p.click("取得"));
    EXPECT_TRUE(p.shows("電子証明書 取得完了"));
}

TEST(UserScreens, ChromeShowsTheFileAtTheBottomLeftAndHasNoIeMode) {
    Person p;
    p.reissue("S0001");
    ASSERT_TRUE(p.click("サンプルデータ"));
    ASSERT_TRUE(p.click("Google Chrome"));
    ASSERT_TRUE(p.click("サンプルデータ"));
    EXPECT_EQ(p.page.session.desk().browser_kind(), cp::BrowserKind::Chrome);
    ASSERT_TRUE(p.click("…"));
    const WidgetInfo* ie = p.ui.find("Internet Explorer モードで再読み込みする");
    ASSERT_NE(ie, nullptr) << p.ui.labels();
    EXPECT_TRUE(ie->disabled);
    EXPECT_TRUE(p.shows("Google Chrome では利用できません"));
    p.ui.press(ImGuiKey_Escape, p.draw);
    p.enter_ids();
    p.enter_token_code();
    p.start_app(true);
    ASSERT_TRUE(p.click("取得"));
    EXPECT_TRUE(p.shows("電子証明書 取得完了"));
}

TEST(UserScreens, IeModePathThroughTheMenuTheBannerAndWebAccess) {
    Person p;
    p.reissue("S0001");
    ASSERT_TRUE(p.click("利用者のパソコン"));
    ASSERT_TRUE(p.click("…"));
    ASSERT_TRUE(p.click("Internet Explorer モードで再読み込みする"));
    EXPECT_TRUE(p.shows("このページは Internet Explorer モードで開かれています"));
    ASSERT_TRUE(p.click("完了"));
    EXPECT_FALSE(p.shows("このページは Internet Explorer モードで開かれています"));
    p.enter_ids();
    p.enter_token_code();
    ASSERT_EQ(p.screen(), UserScreen::PickupWebAccess);
    EXPECT_TRUE(p.shows("この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。"));
    ASSERT_TRUE(p.click("はい"));
    EXPECT_EQ(p.screen(), UserScreen::PickupDone);
    EXPECT_TRUE(p.shows("Internet Explorer モードでは、各種取引はできません"));
    ASSERT_TRUE(p.click("Internet Explorer モードを終了"));
    EXPECT_FALSE(p.page.session.desk().ie_mode());
    p.log_in_with_new_certificate();
}

namespace {
// IE mode's pickup up to 「Webアクセスの確認」: reissued, 利用者のパソコン, 「…」 → IE mode, the IDs, the code.
void to_ie_web_access(Person& p) {
    p.reissue("S0001");
    ASSERT_TRUE(p.click("利用者のパソコン"));
    ASSERT_TRUE(p.click("…"));
    ASSERT_TRUE(p.click("Internet Explorer モードで再読み込みする"));
    ASSERT_TRUE(p.click("完了"));
    p.enter_ids();
    p.enter_token_code();
    ASSERT_EQ(p.screen(), UserScreen::PickupWebAccess);
}
}  // namespace

TEST(UserScreens, IeModeNoLosesThePickup) {
    Person p;
    ASSERT_NO_FATAL_FAILURE(to_ie_web_access(p));
    ASSERT_TRUE(p.click("いいえ"));
    EXPECT_EQ(p.screen(), UserScreen::Failed);
    EXPECT_TRUE(p.shows("電子証明書の再発行手続きが必要となります"));
    EXPECT_TRUE(p.shows("管理者に電子証明書の再発行手続きをご依頼ください"));
}

TEST(UserScreens, ClosingTheAppMidWayShowsTheSeedsError) {
    Person p;
    p.reissue("S0001");
    p.enter_ids();
    p.enter_token_code();
    p.start_app();
    p.page.user.device_key.set_deferred(true);  // the key's protection takes a while
    ASSERT_TRUE(p.click("取得"));
    EXPECT_TRUE(p.shows("電子証明書発行処理中"));
    EXPECT_TRUE(p.shows("秘密キーの保護（保護レベル：中）"));
    EXPECT_EQ(p.ui.find("閉じる"), nullptr) << "the page cannot be left while the app works";
    ASSERT_TRUE(p.click("ウィンドウを閉じる"));  // the app's ×
    EXPECT_EQ(p.screen(), UserScreen::Failed);
    EXPECT_TRUE(p.shows("電子証明書取得アプリが閉じられたため"));
    EXPECT_EQ(p.page.bank().find_user("S0001")->certificate.status, cp::CertStatus::Revoked);
}

TEST(UserScreens, EachFieldSaysWhatIsWrongAndWrongPinsCount) {
    Person p;
    p.reissue("S0001");
    ASSERT_TRUE(p.click("利用者のパソコン"));
    ASSERT_TRUE(p.click("利用者ログイン"));
    ASSERT_TRUE(p.click("電子証明書取得"));
    p.type_into("① 契約者ID(利用者番号)（※1）", "123");
    p.type_into("③ 利用者暗証番号（※3）", "abcdefg");
    ASSERT_TRUE(p.click("次へ >"));
    EXPECT_TRUE(p.shows("11桁")) << p.page.session.user_flow()->view().contract_id.view();
    EXPECT_TRUE(p.shows("入力してください")) << "the empty user ID";
    ASSERT_TRUE(p.click("閉じる"));
    p.enter_ids("S0001", "wrong0001");
    EXPECT_TRUE(p.shows("利用者暗証番号に誤りがあります。"));
    EXPECT_TRUE(p.shows("あと6回"));
    EXPECT_EQ(p.screen(), UserScreen::PickupIds);
}

// An IME left in full-width mode types 「００００９８７６５４３」: each ASCII-only field takes the
// half-width twins and says so; the bank gets what it asks for, and the pickup goes on.
TEST(UserScreens, FullWidthTypedThroughAnImeIsConvertedAndSaidSo) {
    Person p;
    p.reissue("S0001");
    ASSERT_TRUE(p.click("利用者のパソコン"));
    ASSERT_TRUE(p.click("利用者ログイン"));
    ASSERT_TRUE(p.click("電子証明書取得"));
    EXPECT_FALSE(p.shows("半角に変換しました"));
    p.type_into("② 利用者ID（※2）", "Ｓ０００１");
    const WidgetInfo* user = p.ui.find("② 利用者ID（※2）");
    ASSERT_NE(user, nullptr);
    EXPECT_EQ(user->value, "S0001");
    EXPECT_TRUE(p.shows("全角で入力された英数字・記号を半角に変換しました。"));
    p.type_into("① 契約者ID(利用者番号)（※1）", "００００９８７６５４３");
    p.type_into("③ 利用者暗証番号（※3）", "ｔａｒｏ０００１");  // a PIN too (its value never shown)
    ASSERT_TRUE(p.click("次へ >"));
    EXPECT_EQ(p.screen(), UserScreen::PickupOneTimePassword) << "the bank got 00009876543 / S0001 / taro0001";
    // The one-time password (digits only): full-width digits become digits, not nothing.
    p.type_into("ワンタイムパスワード（※1）", "１２３");
    const WidgetInfo* otp = p.ui.find("ワンタイムパスワード（※1）");
    ASSERT_NE(otp, nullptr);
    EXPECT_EQ(otp->value, "123");
    EXPECT_TRUE(p.shows("全角で入力された英数字・記号を半角に変換しました。"));
}

// A paste (the browser's paste event, as the platform hands it over): one that does not fit the
// field, or that holds a NUL, is refused with a message under the field and the field keeps what it
// held (ImGui alone would leave a selected field empty, or keep what comes before the NUL); one
// that fits is pasted, counted as the field keeps it (full-width digits become half-width); a PIN
// field takes none, silently, as before.
TEST(UserScreens, APasteThatDoesNotFitOrHoldsANulIsRefusedAndSaidSo) {
    using cp::ui::PasteVerdict;
    const char* const kContract = "① 契約者ID(利用者番号)（※1）";
    const char* const kUser = "② 利用者ID（※2）";
    const std::string too_long = "貼り付けた文字が多すぎるため、貼り付けませんでした（この欄に入るのは63文字までです）。";
    const std::string nul = "貼り付けた文字に使用できない文字（NUL）が含まれているため、貼り付けませんでした。";
    Person p;
    p.reissue("S0001");
    ASSERT_TRUE(p.click("利用者のパソコン"));
    ASSERT_TRUE(p.click("利用者ログイン"));
    ASSERT_TRUE(p.click("電子証明書取得"));
    auto value = [&](const char* label) {
        const WidgetInfo* field = p.ui.find(label);
        return field != nullptr ? field->value : std::string("(no field)");
    };
    p.type_into(kContract, "0000");
    // 10 KB into the field, its text selected (a click selects it all).
    ASSERT_TRUE(p.click(kContract));
    EXPECT_EQ(p.ui.paste(std::string(10 * 1024, '1'), p.draw), PasteVerdict::RefuseTooLong);
    EXPECT_EQ(value(kContract), "0000") << "nothing lost";
    const WidgetInfo* said = p.ui.find_text(too_long);
    EXPECT_NE(said, nullptr) << "the field says why nothing was pasted";
    if (said != nullptr) {
        EXPECT_EQ(said->text_kind, cp::ui::TextKind::Error) << "an error line: the mirror announces it";
        EXPECT_GT(said->min.y, p.ui.find(kContract)->max.y) << "under its field";
        EXPECT_LT(said->max.y, p.ui.find(kUser)->min.y) << "above the next field";
    }
    // Editing another field: the message has said its part.
    p.type_into(kUser, "S0001");
    EXPECT_FALSE(p.shows("貼り付けませんでした"));
    // One byte more than the room left (no selection: typing leaves the caret at the end) is
    // refused; what fits is pasted.
    EXPECT_EQ(p.ui.paste(std::string(59, 'a'), p.draw), PasteVerdict::RefuseTooLong);
    EXPECT_EQ(value(kUser), "S0001");
    EXPECT_TRUE(p.shows(too_long));
    EXPECT_EQ(p.ui.paste(std::string(58, 'a'), p.draw), PasteVerdict::Accept);
    EXPECT_EQ(value(kUser), "S0001" + std::string(58, 'a'));
    EXPECT_FALSE(p.shows("貼り付けませんでした")) << "the paste edited the field";

    // A NUL inside: refused whole, not cut at the NUL.
    ASSERT_TRUE(p.click(kContract));
    EXPECT_EQ(p.ui.paste(std::string("1234\0" "9876543", 12), p.draw), PasteVerdict::RefuseNul);
    EXPECT_EQ(value(kContract), "0000");
    EXPECT_TRUE(p.shows(nul));
    p.ui.type("1", p.draw);  // the next edit of the field
    EXPECT_FALSE(p.shows(nul));

    // What fits is pasted over the selection; full-width digits count as the half-width ones kept
    // (40 of them are 120 bytes pasted, 40 kept).
    ASSERT_TRUE(p.click(kContract));
    EXPECT_EQ(p.ui.paste("００００９８７６５４３", p.draw), PasteVerdict::Accept);
    EXPECT_EQ(value(kContract), "00009876543");
    ASSERT_TRUE(p.click(kContract));
    std::string forty;
    for (int i = 0; i < 40; ++i) forty += "１";
    EXPECT_EQ(p.ui.paste(forty, p.draw), PasteVerdict::Accept);
    EXPECT_EQ(value(kContract), std::string(40, '1'));
    EXPECT_FALSE(p.shows("貼り付けませんでした"));

    // A PIN is typed, never pasted: refused without a word, as before.
    ASSERT_TRUE(p.click("③ 利用者暗証番号（※3）"));
    EXPECT_EQ(p.ui.paste("taro0001", p.draw), PasteVerdict::RefuseSecret);
    EXPECT_TRUE(p.page.session.user_flow()->view().user_pin.empty());
    EXPECT_FALSE(p.shows("貼り付けませんでした"));

    // In English, the same refusal in English.
    ASSERT_TRUE(p.click("English"));
    ASSERT_TRUE(p.click("① Contract ID (利用者番号) (※1)"));
    EXPECT_EQ(p.ui.paste(std::string(64, '1'), p.draw), PasteVerdict::RefuseTooLong);
    EXPECT_TRUE(p.shows("The pasted text is too long: nothing was pasted (this field holds at most 63 characters)."));
}

TEST(UserScreens, ALockedUserNoTokenNothingPendingAndAPassedWindowEachSayWhy) {
    {
        Person p;
        p.reissue("S0001");
        p.page.bank().mutable_state_for_presets().users[0].suspended = true;
        p.enter_ids();
        EXPECT_TRUE(p.shows("利用中止解除をご依頼ください"));
    }
    {
        Person p;
        p.reissue("S0002");
        p.enter_ids("S0002", cp::kSeedSecrets.s0002_pin);
        EXPECT_TRUE(p.shows("トークンの登録をご依頼ください"));
    }
    {
        Person p;
        p.enter_ids();
        EXPECT_TRUE(p.shows("取得できる電子証明書がありません"));
    }
    {
        Person p;
        p.reissue("S0001");
        ASSERT_TRUE(p.click("サンプルデータ"));
        ASSERT_TRUE(p.click("+30日"));
        ASSERT_TRUE(p.click("+30日"));
        ASSERT_TRUE(p.click("+30日"));
        ASSERT_TRUE(p.click("サンプルデータ"));
        p.enter_ids();
        EXPECT_TRUE(p.shows("取得可能期間が経過したため"));
        EXPECT_TRUE(p.shows("再度、管理者によるお手続きが必要となります"));
    }
}

TEST(UserScreens, AReusedCodeIsRefusedWithTheSeedsWords) {
    Person p;
    p.reissue("S0001");
    p.enter_ids();
    const std::string code = p.read_token();
    p.type_into("ワンタイムパスワード（※1）", code);
    ASSERT_TRUE(p.click("電子証明書取得"));
    ASSERT_EQ(p.screen(), UserScreen::PickupCaPage);
    ASSERT_TRUE(p.click("閉じる"));  // nothing issued yet: the pickup stays
    p.enter_ids();
    p.type_into("ワンタイムパスワード（※1）", code);
    ASSERT_TRUE(p.click("電子証明書取得"));
    EXPECT_EQ(p.screen(), UserScreen::PickupOneTimePassword);
    EXPECT_TRUE(p.shows("同じパスワードは連続して使用できませんので、新たなパスワードを使用してください。"));
}

TEST(UserScreens, TheAdministratorsCertificateIsNotAUsers) {
    Person p;
    ASSERT_TRUE(p.click("利用者ログイン"));  // on 管理者のパソコン
    ASSERT_TRUE(p.click("電子証明書方式 利用者ログイン"));
    ASSERT_TRUE(p.click("00009876543 1635"));
    ASSERT_TRUE(p.click("OK"));
    ASSERT_TRUE(p.click("許可"));
    EXPECT_EQ(p.screen(), UserScreen::Failed);
    EXPECT_TRUE(p.shows("利用者の電子証明書以外の電子証明書が選択されたため"));
}

TEST(UserScreens, TheTokenPanelRequestsARedrawOnlyWhileACodeShows) {
    Person p;
    ASSERT_TRUE(p.click("トークン"));
    p.ui.frame(p.draw);
    EXPECT_EQ(p.out.redraw_in, 0.0) << "a blank token needs no frames";
    p.out.clear();
    ASSERT_TRUE(p.click("1"));
    p.ui.frame(p.draw);
    EXPECT_GT(p.out.redraw_in, 0.0);
    EXPECT_LE(p.out.redraw_in, 1.0) << "the countdown: once a second";
    p.out.clear();
    p.page.session.follow_real_time(0.0);
    p.page.session.follow_real_time(31.0);  // the step is over: the display goes blank
    p.ui.settle(p.draw);
    p.out.clear();
    p.ui.frame(p.draw);
    EXPECT_EQ(p.out.redraw_in, 0.0);
    EXPECT_TRUE(p.shows("「1」を押してください"));
}

// Whether the last frame drew a filled shape of `colour` in the band of rows of `text` (a title
// bar is drawn behind its title).
bool bar_behind(const WidgetInfo& text, ImU32 colour) {
    const ImDrawData* data = ImGui::GetDrawData();
    for (const ImDrawList* list : data->CmdLists)
        for (const ImDrawVert& v : list->VtxBuffer)
            if (v.col == colour && v.pos.y >= text.min.y - 10.0f && v.pos.y <= text.max.y && v.pos.x <= text.min.x) return true;
    return false;
}


TEST(UserScreens, TheFailurePageWearsTheErrorColourNotTheSuccessGreen) {
    Person p;
    to_ie_web_access(p);
    ASSERT_TRUE(p.click("いいえ"));
    ASSERT_EQ(p.screen(), UserScreen::Failed);
    const WidgetInfo* title = p.ui.find_text("電子証明書を取得できませんでした");
    ASSERT_NE(title, nullptr);
    EXPECT_TRUE(bar_behind(*title, cp::ui::color::kError)) << "the title bar is the theme's error colour";
    EXPECT_FALSE(bar_behind(*title, cp::ui::color::kTitleBar)) << "not the success pages' green";
}

TEST(UserScreens, TheIeModeDonePageSaysItsTitleOnce) {
    Person p;
    to_ie_web_access(p);
    ASSERT_TRUE(p.click("はい"));
    ASSERT_EQ(p.screen(), UserScreen::PickupDone);
    int seen = 0;
    for (const WidgetInfo& t : p.ui.texts()) seen += t.label == "電子証明書 取得完了" ? 1 : 0;
    EXPECT_EQ(seen, 1) << "「電子証明書 取得完了」 once, as the page's title";
    const WidgetInfo* title = p.ui.find_text("電子証明書 取得完了");
    ASSERT_NE(title, nullptr);
    EXPECT_TRUE(bar_behind(*title, cp::ui::color::kTitleBar)) << "a success keeps the green bar";
}

}  // namespace
