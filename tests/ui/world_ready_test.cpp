// No silent clicks while a world is made or replaced (a link's scenario, the console's, an import):
// every control that acts on the world is disabled with its reason until the new world is in
// place, then works — on ImGui's null backend over a real Session whose reset is held half-way
// (the PCs' device keys answer only when the test lets them, as the browser's WebCrypto does later).
#include <gtest/gtest.h>

#include <string>

#include "portal_driver.h"

namespace {

using cp::test::Driver;
using cp::test::WidgetInfo;

constexpr const char* kReplacing = "準備中…（新しい状態を用意しています）";

// Starts replacing the world by `preset` and holds it half-way: the device keys that seal the new
// world's keys answer only in finish_reset().
void start_held_reset(Driver& d, cp::Preset preset, cp::FlowResult& result) {
    d.page.admin.device_key.set_deferred(true);
    d.page.user.device_key.set_deferred(true);
    d.page.session.reset(preset, [&result](cp::FlowResult r) { result = r; });
    ASSERT_TRUE(d.page.session.resetting()) << "the reset waits for the device keys";
    ASSERT_FALSE(d.page.session.world_ready());
    d.ui.settle(d.draw);
}

void finish_reset(Driver& d) {
    for (int i = 0; i < 50 && d.page.session.resetting(); ++i) {
        d.page.admin.device_key.run_pending();
        d.page.user.device_key.run_pending();
    }
    d.page.admin.device_key.set_deferred(false);
    d.page.user.device_key.set_deferred(false);
    ASSERT_FALSE(d.page.session.resetting());
    d.ui.settle(d.draw);
}

// Disabled, and what it says about why (the tooltip, the mirror's description).
void expect_disabled_with_reason(const Driver& d, const char* label) {
    const WidgetInfo* w = d.ui.find(label);
    ASSERT_NE(w, nullptr) << label << "; widgets: " << d.ui.labels();
    EXPECT_TRUE(w->disabled) << label << " would be refused (WrongStep) while the world is replaced";
    EXPECT_EQ(w->description, kReplacing) << label;
}

TEST(WorldReady, TheTopPageAndTheBrowsersMenusAreDisabledWithTheirReasonWhileTheWorldIsReplaced) {
    Driver d;
    ASSERT_FALSE(d.ui.find("利用者ログイン")->disabled) << "the loaded world is ready";
    cp::FlowResult result = cp::FlowResult::WrongStep;
    start_held_reset(d, cp::Preset::UserPickupPending, result);
    for (const char* label : {"利用者ログイン", "管理者ログイン", "ツール", "…"})
        expect_disabled_with_reason(d, label);
    // A click on the disabled control emits nothing (nothing for the session to refuse).
    d.out.clear();
    d.ui.click_at(d.ui.find("利用者ログイン")->center(), d.draw);
    EXPECT_TRUE(d.out.commands.empty());
    d.apply();
    EXPECT_EQ(d.page.session.user_flow(), nullptr);

    finish_reset(d);
    EXPECT_EQ(result, cp::FlowResult::Ok);
    ASSERT_TRUE(d.page.session.world_ready());
    // The new world is in place: the same click takes effect (利用者ログイン's page, then 証明書の選択).
    ASSERT_TRUE(d.click("利用者ログイン"));
    ASSERT_TRUE(d.click("電子証明書方式 利用者ログイン"));
    ASSERT_NE(d.page.session.user_flow(), nullptr);
    EXPECT_TRUE(d.shows("では資格情報が必要です")) << "the certificate chooser (証明書の選択) is open";
    ASSERT_TRUE(d.click("キャンセル"));
    // ツール → インターネットオプション(O) opens the certificate manager.
    ASSERT_TRUE(d.click("ツール"));
    ASSERT_TRUE(d.click("インターネットオプション(O)"));
    EXPECT_NE(d.page.session.certificate_manager(), nullptr);
}

TEST(WorldReady, ThePanelsControlsAreDisabledWithTheReasonShownWhileTheWorldIsReplaced) {
    Driver d;
    ASSERT_TRUE(d.click("サンプルデータ"));
    ASSERT_FALSE(d.ui.find("+1日")->disabled);
    cp::FlowResult result = cp::FlowResult::WrongStep;
    start_held_reset(d, cp::Preset::CardLost, result);
    const WidgetInfo* day = d.ui.find("+1日");
    ASSERT_NE(day, nullptr) << d.ui.labels();
    EXPECT_TRUE(day->disabled) << "+1日 would be refused while the world is replaced";
    EXPECT_TRUE(d.shows(kReplacing)) << "the panel says why";
    finish_reset(d);
    EXPECT_FALSE(d.ui.find("+1日")->disabled);
    EXPECT_FALSE(d.shows(kReplacing));
}

// While a step is saved the panel's clock stays usable: a double click on +1日 moves two days (each
// click applies; the save in flight is followed by one for the moves). The browser's choice, a
// page reload, waits as the browser does.
TEST(WorldReady, TheClockButtonsStayEnabledWhileAStepIsSavedAndADoubleClickMovesTwoDays) {
    Driver d;
    ASSERT_TRUE(d.click("サンプルデータ"));
    cp::test::ForwardingStorage* bank_db = d.profile.opened["certportal-bank"];
    bank_db->hold_commits = true;
    d.page.apply(cp::cmd::ReportCardLost{});
    ASSERT_TRUE(d.page.session.saving());
    d.ui.settle(d.draw);
    const cp::SimTime start = d.page.bank().now();
    ASSERT_FALSE(d.ui.find("+1日")->disabled) << "a move is not refused while a step is saved";
    ASSERT_NE(d.ui.find("Google Chrome"), nullptr) << d.ui.labels();
    EXPECT_TRUE(d.ui.find("Google Chrome")->disabled) << "another browser reloads the page: it waits";
    ASSERT_TRUE(d.click("+1日"));
    ASSERT_TRUE(d.click("+1日"));
    EXPECT_EQ(d.page.bank().now(), start + cp::days(2)) << "both clicks moved the clock";
    bank_db->release_held();
    EXPECT_FALSE(d.page.session.saving());
    d.ui.settle(d.draw);
    EXPECT_FALSE(d.ui.find("Google Chrome")->disabled);
}

TEST(WorldReady, TheToolsMenuWaitsForTheFirstWorldWithTheStartingReason) {
    // A session never started: the first world is not there yet (the first second of a visit).
    cp::PortalState state;
    cp::Session session;
    cp::ui::UiOut out;
    cp::test::ScreenHarness ui;
    auto draw = [&] { cp::ui::draw_portal(state, session, out); };
    ui.settle(draw);
    const WidgetInfo* tools = ui.find("ツール");
    ASSERT_NE(tools, nullptr) << ui.labels();
    EXPECT_TRUE(tools->disabled) << "インターネットオプション would open nothing";
    EXPECT_EQ(tools->description, "シミュレーターを起動しています…");
}

}  // namespace
