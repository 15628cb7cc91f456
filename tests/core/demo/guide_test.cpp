// The guide follows the person through the seed's steps: the position is read from the session
// (the PC, the running flow and its screen), never set by hand.
#include "demo/guide.h"

#include <gtest/gtest.h>

#include "session_fixture.h"

namespace {

using cp::SeedProcedure;

std::size_t step(SeedProcedure p, cp::test::PageLoad& page) { return cp::guide_position(p, page.session).step; }

TEST(Guide, EveryProcedureOfAScenarioHasItsSeedSteps) {
    for (const cp::Scenario& s : cp::scenarios()) {
        const auto steps = cp::guide_steps(s.procedure);
        const bool numbered = s.procedure == SeedProcedure::AdminRenewal || s.procedure == SeedProcedure::UserReissue ||
                              s.procedure == SeedProcedure::UserPickup;
        EXPECT_EQ(steps.empty(), !numbered) << s.id;
        for (const cp::GuideStep& g : steps) {
            const std::string ja = cp::text(g.text, cp::Language::Japanese);
            EXPECT_EQ(ja.front(), '(') << ja;  // numbered as in the seed: (1), (2), ...
        }
    }
    EXPECT_EQ(cp::guide_steps(SeedProcedure::AdminRenewal).size(), 13u);
    EXPECT_EQ(cp::guide_steps(SeedProcedure::UserReissue).size(), 10u);
    EXPECT_EQ(cp::guide_steps(SeedProcedure::UserPickup).size(), 8u);
}

TEST(Guide, FollowsTheAdministratorsReissue) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    page.load_preset(cp::Preset::UserCertificateExpired);
    const SeedProcedure p = SeedProcedure::UserReissue;
    EXPECT_EQ(step(p, page), 2u);  // (3) 管理者ログイン, 電子証明書方式 管理者ログイン
    EXPECT_EQ(cp::guide_position(p, page.session).target, cp::TextId::TopAdminLogin) << "first the top page's button";
    page.apply(cp::cmd::OpenSitePage{cp::SitePage::AdminLogin});
    EXPECT_EQ(step(p, page), 2u);
    EXPECT_EQ(cp::guide_position(p, page.session).target, cp::TextId::TopCertAdminLogin) << "then the page's";
    page.apply(cp::cmd::SwitchPc{cp::PcId::User});
    EXPECT_EQ(step(p, page), 1u);  // (2) the administrator's PC
    page.apply(cp::cmd::SwitchPc{cp::PcId::Admin});
    cp::test::choose_certificate(page);
    EXPECT_EQ(step(p, page), 4u);  // (5) ご契約先暗証番号
    page.apply(cp::cmd::LeaveFlow{});
    cp::test::log_in_as_admin(page);
    EXPECT_EQ(step(p, page), 7u);  // (8) ご契約先管理情報変更
    page.apply(cp::cmd::OpenUserMaintenance{});
    EXPECT_EQ(step(p, page), 8u);  // (9) the user, 変更
    EXPECT_FALSE(cp::guide_position(p, page.session).done);
}

TEST(Guide, FollowsTheUsersPickupAndTheRenewal) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    page.load_preset(cp::Preset::UserPickupPending);
    EXPECT_EQ(step(SeedProcedure::UserPickup, page), 1u);  // (2) the user's PC
    page.apply(cp::cmd::SwitchPc{cp::PcId::User});
    EXPECT_EQ(step(SeedProcedure::UserPickup, page), 2u);  // (3) 利用者ログイン, 電子証明書取得
    EXPECT_EQ(cp::guide_position(SeedProcedure::UserPickup, page.session).target, cp::TextId::TopUserLogin);
    page.apply(cp::cmd::OpenSitePage{cp::SitePage::UserLogin});
    EXPECT_EQ(cp::guide_position(SeedProcedure::UserPickup, page.session).target, cp::TextId::TopCertAcquire);
    page.apply(cp::cmd::StartUserPickup{});
    EXPECT_EQ(step(SeedProcedure::UserPickup, page), 3u);  // (4) the IDs
    page.load_preset(cp::Preset::AdminRenewalWindow);
    page.apply(cp::cmd::SwitchPc{cp::PcId::Admin});
    EXPECT_EQ(step(SeedProcedure::AdminRenewal, page), 1u);  // (2) 管理者ログオン
    cp::test::log_in_as_admin(page);
    EXPECT_EQ(step(SeedProcedure::AdminRenewal, page), 5u);  // (6) 証明書更新
    page.apply(cp::cmd::OpenRenewal{});
    EXPECT_EQ(step(SeedProcedure::AdminRenewal, page), 6u);  // (7) 更新
}

}  // namespace

namespace {

// The guide quotes each seed; where the seed's word is not the screen's (seed 000's ログオン, the
// screens' ログイン: docs/domain.md "Words on screen"), the step names the screen's word too, so that
// a person finds every button a step leads to — and the top page's button before it — by the words
// the step shows.
TEST(Guide, EveryStepNamesTheLoginButtonsAsTheScreenShowsThem) {
    for (SeedProcedure p : {SeedProcedure::AdminRenewal, SeedProcedure::UserReissue, SeedProcedure::UserPickup})
        for (const cp::GuideStep& g : cp::guide_steps(p)) {
            const std::string ja = cp::text(g.text, cp::Language::Japanese);
            if (ja.find("ログオン") != std::string::npos) {
                EXPECT_NE(ja.find("（画面では「"), std::string::npos) << ja;
            }
            for (cp::TextId label : {g.target, g.page}) {
                if (label == cp::TextId::Count_) continue;
                const std::string shown = cp::text(label, cp::Language::Japanese);
                if (shown.find("ログイン") != std::string::npos || label == g.page) {
                    EXPECT_NE(ja.find(shown), std::string::npos) << ja << " does not name 「" << shown << "」";
                }
            }
        }
    EXPECT_STREQ(cp::text(cp::TextId::LogIn, cp::Language::Japanese), "ログイン");
}

}  // namespace
