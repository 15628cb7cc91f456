// The top page (wasm/ui/pages/top_page.cpp, portal_ui.cpp) on ImGui's null backend.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "portal/portal.h"
#include "portal_driver.h"
#include "portal_ui.h"
#include "screen_harness.h"

namespace {

using cp::test::ScreenHarness;
using cp::test::WidgetInfo;

// The portal as the bundle runs it: draw, then apply what the frame emitted. The session is not
// started: the simulation behind the page is not ready (as in the first second of a visit).
struct Portal {
    cp::PortalState state;
    cp::Session session;
    cp::ui::UiOut out;  // everything emitted since the last apply_all()
    std::vector<cp::Action>& actions = out.actions;
    std::function<void()> draw = [this] { cp::ui::draw_portal(state, session, out); };

    void apply_all() {
        for (const cp::Action& a : out.actions) cp::apply(state, a);
        for (const cp::Command& c : out.commands) session.apply(c);
        out.clear();
    }
};

TEST(TopPage, ShowsTheTwoEntriesDisabledWhileTheSimulationStarts) {
    ScreenHarness ui;
    Portal portal;
    ui.settle(portal.draw);
    for (const char* label : {"利用者ログイン", "管理者ログイン"}) {
        const WidgetInfo* w = ui.find(label);
        ASSERT_NE(w, nullptr) << label << " is not on the page; widgets: " << ui.labels();
        EXPECT_TRUE(w->disabled) << label << ": no screen works before the simulation is ready";
        EXPECT_GT(w->width(), 200.0f) << label;
        EXPECT_FALSE(w->checkable || w->openable || w->inputable) << label << " is a plain button";
    }
    EXPECT_TRUE(portal.actions.empty());
}

// Touch has no hover: a finger held still on a disabled entry shows why it is disabled (its
// tooltip), lifting it hides the tooltip again, and nothing was done.
TEST(TopPage, ALongPressShowsTheTooltipThatAMouseGetsByHovering) {
    ScreenHarness ui;
    Portal portal;
    ui.settle(portal.draw);
    const WidgetInfo* entry = ui.find("利用者ログイン");
    ASSERT_NE(entry, nullptr) << ui.labels();
    ASSERT_TRUE(entry->disabled);
    const ImVec2 at((entry->min.x + entry->max.x) * 0.5f, (entry->min.y + entry->max.y) * 0.5f);
    ui.touch_hold(at, 0.1f, portal.draw);
    EXPECT_FALSE(ui.tooltip_shown()) << "a tap is not a long press";
    ui.touch_hold(at, 1.0f, portal.draw);
    EXPECT_TRUE(ui.tooltip_shown()) << "held for a second";
    ui.touch_lift(portal.draw);
    EXPECT_FALSE(ui.tooltip_shown());
    EXPECT_TRUE(portal.out.commands.empty() && portal.actions.empty());
}

TEST(TopPage, EnglishSwitchesTheLanguage) {
    ScreenHarness ui;
    Portal portal;
    ui.settle(portal.draw);
    ASSERT_TRUE(ui.click("English", portal.draw));
    // Exactly one action, from the English button: a click on 日本語 (the current language) or
    // anywhere else on the page emits nothing.
    ASSERT_EQ(portal.actions.size(), 1u);
    EXPECT_EQ(portal.actions[0].kind, cp::ActionKind::SetLanguage);
    EXPECT_EQ(portal.actions[0].language, cp::Language::English);

    portal.apply_all();
    ui.settle(portal.draw);
    EXPECT_EQ(portal.state.language, cp::Language::English);
    EXPECT_NE(ui.find("User login"), nullptr) << ui.labels();
    EXPECT_NE(ui.find("Administrator login"), nullptr) << ui.labels();
    EXPECT_EQ(ui.find("利用者ログイン"), nullptr) << "Japanese label left after switching to English";

    ASSERT_TRUE(ui.click("日本語", portal.draw));
    ASSERT_EQ(portal.actions.size(), 1u);
    EXPECT_EQ(portal.actions[0].language, cp::Language::Japanese);
}

TEST(TopPage, TheCurrentLanguageButtonDoesNothing) {
    ScreenHarness ui;
    Portal portal;
    ui.settle(portal.draw);
    ASSERT_TRUE(ui.click("日本語", portal.draw));
    EXPECT_TRUE(portal.actions.empty());
}

TEST(TopPage, SimulatorMarkerIsDrawnOnEveryScreenWidth) {
    for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(390, 844)}) {
        ScreenHarness ui(size.x, size.y);
        Portal portal;
        ui.settle(portal.draw);
        const WidgetInfo* marker = ui.find_text("シミュレーター（サンプルデータ）");
        ASSERT_NE(marker, nullptr) << "no simulator marker at width " << size.x;
        EXPECT_GE(marker->min.x, 0.0f);
        EXPECT_LE(marker->max.x, size.x);
        EXPECT_LT(marker->max.y, 40.0f) << "the marker is at the top of the page";
    }
}

TEST(TopPage, LanguageSwitchClearsTheServiceNameOnAPhone) {
    for (const cp::Language language : {cp::Language::Japanese, cp::Language::English}) {
        ScreenHarness ui(390, 844);
        Portal portal;
        portal.state.language = language;
        ui.settle(portal.draw);
        const WidgetInfo* name = ui.find_text(portal.state.brand.service_name.in(language));
        const WidgetInfo* bank = ui.find_text(portal.state.brand.bank_name.in(language));
        ASSERT_NE(name, nullptr);
        ASSERT_NE(bank, nullptr);
        for (const char* label : {"日本語", "English"}) {
            const WidgetInfo* button = ui.find(label);
            ASSERT_NE(button, nullptr) << ui.labels();
            EXPECT_FALSE(button->overlaps(*name)) << label << " overlaps the service name";
            EXPECT_FALSE(button->overlaps(*bank)) << label << " overlaps the bank name";
            EXPECT_LE(button->max.x, 390.0f) << label << " is cut off";
        }
    }
}

TEST(TopPage, ResizeReflowsTheLoginCard) {
    ScreenHarness ui;
    Portal portal;
    ui.settle(portal.draw);
    const float wide = ui.find("利用者ログイン")->width();
    ui.resize(390, 844);
    ui.settle(portal.draw);
    const WidgetInfo* narrow = ui.find("利用者ログイン");
    ASSERT_NE(narrow, nullptr);
    EXPECT_LT(narrow->max.x, 390.0f);
    EXPECT_NE(narrow->width(), wide);
}

// The harness itself: a click on something that is not there, or disabled, must fail the test.
TEST(ScreenHarness, ClickOnAMissingOrDisabledWidgetFails) {
    ScreenHarness ui;
    Portal portal;
    ui.settle(portal.draw);
    EXPECT_NONFATAL_FAILURE(EXPECT_FALSE(ui.click("No such button", portal.draw)), "no widget labelled");
    EXPECT_NONFATAL_FAILURE(EXPECT_FALSE(ui.click("利用者ログイン", portal.draw)), "is disabled");
    EXPECT_TRUE(portal.actions.empty());
}

}  // namespace

// On a phone in English, an entry's words are longer than its button is wide: they wrap onto a
// second line and the button grows to hold them, instead of being cut off at the button's edge.
TEST(TopPage, OnAPhoneALongEntryWrapsInsteadOfBeingCutOff) {
    const auto entry_height = [](float screen_width) {
        ScreenHarness ui(screen_width, 844);
        Portal portal;
        portal.state.language = cp::Language::English;
        portal.state.coarse_pointer = true;
        ui.settle(portal.draw);
        const WidgetInfo* short_one = ui.find("User login");  // the top page's
        EXPECT_NE(short_one, nullptr) << ui.labels();
        const float short_height = short_one != nullptr ? short_one->height() : 0.0f;
        portal.session.apply(cp::cmd::OpenSitePage{cp::SitePage::AdminLogin});
        ui.settle(portal.draw);
        const WidgetInfo* w = ui.find("Certificate method: administrator login");
        EXPECT_NE(w, nullptr) << ui.labels();
        return std::pair<float, float>(w != nullptr ? w->height() : 0.0f, short_height);
    };
    const auto [wide_long, wide_short] = entry_height(1280);
    const auto [phone_long, phone_short] = entry_height(390);
    EXPECT_NEAR(wide_long, wide_short, 0.5f) << "on a wide screen both entries take one line";
    EXPECT_NEAR(phone_short, wide_short, 0.5f) << "a short entry still takes one line on a phone";
    EXPECT_GT(phone_long, wide_long + 15.0f) << "the long entry takes a second line on a phone";
}

// Seed 001: 「管理者ログインをクリックし、電子証明書方式 管理者ログインをクリック」 and 「利用者ログインを
// クリックし電子証明書取得をクリック」: the top page's two buttons lead to their own pages, which hold
// what the seed's screenshot shows; トップページへ戻る leads back.
TEST(SitePages, TheTopPagesTwoButtonsLeadToTheSeedsPages) {
    cp::test::Driver d;
    for (const char* label : {"電子証明書取得", "電子証明書方式 利用者ログイン", "電子証明書方式 管理者ログイン", "管理者電子証明書取得",
                              "よくあるご質問", "ご契約先向け簡易マニュアル"})
        EXPECT_EQ(d.ui.find(label), nullptr) << label << " is on its page, not the top page";
    ASSERT_TRUE(d.click("利用者ログイン"));
    ASSERT_TRUE(d.emitted<cp::cmd::OpenSitePage>());
    EXPECT_EQ(d.page.session.desk().site_page(), cp::SitePage::UserLogin);
    EXPECT_EQ(d.ui.find("利用者ログイン"), nullptr) << "the page's heading is text, not the top page's button";
    EXPECT_TRUE(d.shows("初めての方はこちらから"));
    // The seed's order, top to bottom; what leads nowhere in the simulator is disabled and says why.
    float y = 0.0f;
    for (const char* label : {"電子証明書取得", "よくあるご質問", "電子証明書方式 利用者ログイン", "ご契約先向け簡易マニュアル"}) {
        const WidgetInfo* w = d.ui.find(label);
        ASSERT_NE(w, nullptr) << label << ": " << d.ui.labels();
        EXPECT_GT(w->min.y, y) << label;
        y = w->min.y;
    }
    for (const char* label : {"よくあるご質問", "ご契約先向け簡易マニュアル"}) {
        EXPECT_TRUE(d.ui.find(label)->disabled) << label;
        EXPECT_NE(d.ui.find(label)->description.find("シミュレーターにありません"), std::string::npos) << label;
    }
    EXPECT_TRUE(d.ui.find("電子証明書取得")->disabled) << "on 管理者のパソコン";
    ASSERT_TRUE(d.click("電子証明書方式 利用者ログイン"));
    ASSERT_TRUE(d.emitted<cp::cmd::StartUserLogin>());
    ASSERT_NE(d.page.session.user_flow(), nullptr);
    EXPECT_EQ(d.page.session.user_flow()->screen(), cp::UserFlow::Screen::LoginChooseCertificate);
    ASSERT_TRUE(d.click("キャンセル"));
    EXPECT_NE(d.ui.find("利用者ログイン"), nullptr) << "a cancelled login is back on the top page";

    ASSERT_TRUE(d.click("管理者ログイン"));
    EXPECT_EQ(d.page.session.desk().site_page(), cp::SitePage::AdminLogin);
    for (const char* label : {"電子証明書方式 管理者ログイン", "管理者電子証明書取得"}) {
        const WidgetInfo* w = d.ui.find(label);
        ASSERT_NE(w, nullptr) << label << ": " << d.ui.labels();
        EXPECT_FALSE(w->disabled) << label;
    }
    EXPECT_EQ(d.ui.find("電子証明書取得"), nullptr) << "the user's pickup is on 利用者ログイン's page";
    ASSERT_TRUE(d.click("トップページへ戻る"));
    EXPECT_EQ(d.page.session.desk().site_page(), cp::SitePage::Top);
    EXPECT_NE(d.ui.find("管理者ログイン"), nullptr);
    EXPECT_EQ(d.ui.find("電子証明書方式 管理者ログイン"), nullptr);
}

// On 利用者のパソコン the pickup is there to click, and leads to its first page.
TEST(SitePages, TheUsersPickupStartsFromUserLoginsPage) {
    cp::test::Driver d;
    ASSERT_TRUE(d.click("利用者のパソコン"));
    ASSERT_TRUE(d.click("利用者ログイン"));
    ASSERT_TRUE(d.click("電子証明書取得"));
    ASSERT_TRUE(d.emitted<cp::cmd::StartUserPickup>());
    EXPECT_TRUE(d.shows("ID・暗証番号の入力"));
}
