// The demo console's state: which scenario runs, when starting one would replace progress, dates
// typed into the clock, and the kiosk's idle reset (its countdown, cancelled by input).
#include "demo/console.h"

#include <gtest/gtest.h>

#include "session_fixture.h"

namespace {


TEST(DemoConsole, KnowsTheRunningScenarioAndWhenProgressWouldGo) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    cp::DemoConsole console;
    EXPECT_EQ(cp::running_scenario(page.bank().state().audit).id, "seed");
    EXPECT_EQ(cp::progress_entries(page.bank().state().audit), 0u);
    ASSERT_TRUE(console.apply(cp::console::ChooseScenario{cp::find_scenario("card-lost")}, page.session));
    EXPECT_EQ(console.confirming(), nullptr);  // nothing to lose: started at once
    EXPECT_EQ(cp::running_scenario(page.bank().state().audit).id, "card-lost");
    page.apply(cp::cmd::AdvanceClock{1});
    EXPECT_GT(cp::progress_entries(page.bank().state().audit), 0u);
    console.apply(cp::console::ChooseScenario{cp::find_scenario("seed")}, page.session);
    ASSERT_NE(console.confirming(), nullptr);
    EXPECT_TRUE(console.open());  // a link's scenario asks as the page opens: the console shows the question
    EXPECT_EQ(cp::running_scenario(page.bank().state().audit).id, "card-lost");  // asked, not done
    console.apply(cp::console::Confirm{true}, page.session);
    EXPECT_EQ(cp::running_scenario(page.bank().state().audit).id, "seed");
    EXPECT_EQ(console.confirming(), nullptr);
}

TEST(DemoConsole, DatesAreReadStrictly) {
    const cp::SimTime now = cp::from_jst(cp::JstTime{2023, 9, 1, 10, 30, 0});
    cp::SimTime t = 0;
    ASSERT_TRUE(cp::parse_console_date("2024-02-29", now, t));
    EXPECT_EQ(t, cp::from_jst(cp::JstTime{2024, 2, 29, 10, 30, 0}));  // the same wall time
    for (const char* bad : {"", "2023-9-1", "2023/09/01", "2023-02-29", "2023-13-01", "2023-00-10", "20230901", "2023-09-01x"})
        EXPECT_FALSE(cp::parse_console_date(bad, now, t)) << bad;
}

TEST(DemoConsole, AKioskLeftAloneResetsAfterACountdownThatInputCancels) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    cp::DemoConsole console;
    console.set_link(cp::parse_link_params("?kiosk=1&idle=0.5&scenario=card-lost"));  // 30 s idle, 10 s countdown
    EXPECT_FALSE(console.open());  // hidden in kiosk mode
    page.apply(cp::cmd::AdvanceClock{1});
    EXPECT_DOUBLE_EQ(console.idle_tick(100.0, page.session), 20.0);  // asleep until the countdown
    EXPECT_EQ(console.countdown(), 0);
    EXPECT_DOUBLE_EQ(console.idle_tick(120.0, page.session), 1.0);
    EXPECT_EQ(console.countdown(), 10);
    EXPECT_DOUBLE_EQ(console.idle_tick(125.5, page.session), 0.5);
    EXPECT_EQ(console.countdown(), 5);
    console.note_input(126.0);  // a touch: cancelled
    EXPECT_EQ(console.countdown(), 0);
    EXPECT_DOUBLE_EQ(console.idle_tick(126.0, page.session), 20.0);
    EXPECT_FALSE(page.bank().state().contract.card.lost);
    EXPECT_DOUBLE_EQ(console.idle_tick(156.0, page.session), 20.0);  // time is up: the reset runs
    EXPECT_TRUE(page.bank().state().contract.card.lost);
    EXPECT_EQ(cp::progress_entries(page.bank().state().audit), 0u);
    EXPECT_EQ(console.countdown(), 0);
}

TEST(DemoConsole, OutsideKioskModeNothingWaits) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    cp::DemoConsole console;
    console.set_link(cp::parse_link_params(""));
    EXPECT_FALSE(console.open());  // collapsed until asked, kiosk or not
    EXPECT_EQ(console.idle_tick(0.0, page.session), 0.0);
    EXPECT_EQ(console.idle_tick(1e6, page.session), 0.0);
    EXPECT_EQ(console.countdown(), 0);
}

}  // namespace
