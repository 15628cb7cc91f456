// certportal UI tests: a person at the simulated PC — the portal drawn on ImGui's null backend
// (screen_harness.h) over a real Session (tests/core/portal/session_fixture.h); find a widget by its
// words, click it, type; the commands the screens emit are applied as the bundle does. Shared by
// the administrator's screen tests and the renewal / certificate manager / desk tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "portal_ui.h"
#include "screen_harness.h"
#include "session_fixture.h"

namespace cp::test {

inline const char* const kAdminCertificate = "00009876543 1635";

struct Driver {
    // A tall screen by default: the harness sees only what is not scrolled out of view, and the
    // longest page (利用者情報変更) is taller than 800 px.
    explicit Driver(float width = 1280, float height = 1200) : ui(width, height) { ui.settle(draw); }

    cp::test::BrowserProfile profile;
    cp::test::PageLoad page{profile};
    cp::PortalState state;
    cp::ui::UiOut out;
    ScreenHarness ui;
    std::vector<cp::Command> last;  // what the last click emitted
    std::function<void()> draw = [this] { cp::ui::draw_portal(state, page.session, out, console); };

    cp::DemoConsole* console = nullptr;  // set (and drawn) by the console's tests
    void apply() {
        for (const cp::Action& a : out.actions) cp::apply(state, a);
        for (const cp::Command& c : out.commands) page.session.apply(c);
        if (console != nullptr)
            for (const cp::ConsoleCommand& c : out.console) console->apply(c, page.session);
        out.clear();
    }
    // A person scrolls down the page to what is below the fold before clicking it.
    void scroll_to(std::string_view label) {
        for (int i = 0; i < 12 && ui.find(label) == nullptr; ++i) ui.scroll(ImVec2(640, 400), -2.0f, draw);
    }
    bool click(std::string_view label) {
        scroll_to(label);
        out.clear();
        const bool ok = ui.click(label, draw);
        last = out.commands;
        apply();
        ui.settle(draw);
        return ok;
    }
    void type_into(std::string_view label, std::string_view text) {
        ASSERT_TRUE(click(label));
        ui.type(text, draw);
        apply();
    }
    bool shows(std::string_view fragment) const {
        for (const WidgetInfo& t : ui.texts())
            if (t.label.find(fragment) != std::string::npos) return true;
        return false;
    }
    AdminFlow::Screen screen() { return page.session.admin_flow() != nullptr ? page.flow().screen() : AdminFlow::Screen::Failed; }
    cp::RenewalFlow::Screen renewal_screen() { return page.renewal_screen(); }  // Count_: none runs
    // Whether the last click emitted a command of type T (whichever family it belongs to).
    template <class T>
    bool emitted() const {
        for (const cp::Command& c : last) {
            const bool hit = std::visit(
                [](const auto& family) {
                    if constexpr (std::is_constructible_v<std::decay_t<decltype(family)>, T>) return std::holds_alternative<T>(family);
                    else return false;
                },
                c);
            if (hit) return true;
        }
        return false;
    }

    // 証明書更新's start page (the administrator's or a user's): 更新 → はい `at` times (at 2: both,
    // then OK at the protected item: the install confirmation) → いいえ: the renewal's stop page,
    // with the seed's guarantee in words (nothing installed, the old certificate works).
    void renewal_no_at(int at) {
        ASSERT_TRUE(click("更新"));
        for (int i = 0; i < at && i < 2; ++i) {
            ASSERT_TRUE(click("はい"));
        }
        if (at == 2) {
            ASSERT_TRUE(click("OK"));
            EXPECT_TRUE(shows("この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。")) << "the install confirmation";
        }
        ASSERT_TRUE(click("いいえ"));
        for (const char* line : {"電子証明書の更新を中止しました", "「いいえ」または「キャンセル」が選択されたため、電子証明書の更新を中止しました。",
                                 "新しい電子証明書はインストールされていません。現在の電子証明書は引き続きご利用いただけます。"})
            EXPECT_TRUE(shows(line)) << line;
    }

    // 電子証明書方式 管理者ログイン → 証明書の選択: `certificate` → OK; the key prompt is next.
    void choose(std::string_view certificate) {
        ASSERT_TRUE(click("管理者ログイン"));
        ASSERT_TRUE(click("電子証明書方式 管理者ログイン"));
        ASSERT_TRUE(emitted<cp::cmd::StartAdminLogin>());
        ASSERT_TRUE(click(certificate));
        ASSERT_TRUE(click("OK"));
        ASSERT_TRUE(emitted<cp::cmd::ChooseCertificate>());
    }
    // The login up to the PIN screen.
    void to_contract_pin() {
        choose(kAdminCertificate);
        ASSERT_TRUE(click("許可"));
        ASSERT_TRUE(emitted<cp::cmd::GrantKeyAccess>());
        ASSERT_EQ(screen(), AdminFlow::Screen::ContractPin);
    }
    // 確認用パスワード: the two symbols on screen, their numbers read from the お客様カード panel.
    void answer_card() {
        std::vector<std::string> symbols;
        for (const WidgetInfo& w : ui.widgets())
            if (w.inputable && w.label.size() == 3) symbols.push_back(w.label);  // one kana (3 bytes of UTF-8)
        ASSERT_EQ(symbols.size(), 2u) << ui.labels();
        ASSERT_TRUE(click("お客様カード"));
        std::string numbers[2];
        for (int i = 0; i < 2; ++i)
            for (const WidgetInfo& w : ui.widgets())
                if (w.label.rfind(symbols[static_cast<std::size_t>(i)] + " ", 0) == 0) numbers[i] = w.label.substr(w.label.size() - 2);
        ASSERT_FALSE(numbers[0].empty() || numbers[1].empty()) << ui.labels();
        ASSERT_TRUE(click("お客様カード"));  // closes the panel
        type_into(symbols[0], numbers[0]);
        type_into(symbols[1], numbers[1]);
        ASSERT_TRUE(click("OK"));
        ASSERT_TRUE(emitted<cp::cmd::SubmitCardAnswers>());
    }
    void to_menu() {
        to_contract_pin();
        from_contract_pin_to_menu();
    }
    void from_contract_pin_to_menu() {
        type_into("ご契約先暗証番号", cp::kSeedSecrets.contract_pin);
        ASSERT_TRUE(click("ログイン"));
        ASSERT_TRUE(emitted<cp::cmd::SubmitContractPin>());
        ASSERT_EQ(screen(), AdminFlow::Screen::CardChallenge);
        answer_card();
        if (screen() == AdminFlow::Screen::Notices) {
            EXPECT_TRUE(shows("しんきん商事（株）様 への重要なお知らせ"));
            EXPECT_TRUE(shows("定期的に「ご契約先暗証番号」の変更をお願いします"));
            ASSERT_TRUE(click("次へ >"));
        }
        ASSERT_EQ(screen(), AdminFlow::Screen::Menu);
    }
    void to_user_edit(std::string_view user) {
        to_menu();
        ASSERT_TRUE(click("ご契約先管理情報変更"));
        ASSERT_TRUE(click("利用者情報登録／変更 >"));
        ASSERT_EQ(screen(), AdminFlow::Screen::UserGrid);
        if (user != "S0001") {
            ASSERT_TRUE(click(user));
        }
        ASSERT_TRUE(click("+ 変更・登録抹消・各種設定・利用者ワンタイムパスワード"));
        ASSERT_TRUE(click("変更 >"));
        ASSERT_EQ(screen(), AdminFlow::Screen::UserEdit);
    }
};

}  // namespace cp::test
