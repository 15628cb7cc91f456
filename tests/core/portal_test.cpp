#include "portal/portal.h"

#include <gtest/gtest.h>

namespace {

// Which screen shows is the session's (no flow: the top page; session_test.cpp).
TEST(Portal, StartsInJapanese) {
    cp::PortalState s;
    EXPECT_EQ(s.language, cp::Language::Japanese);
}

TEST(Portal, LanguageSwitchReportsWhetherAnythingChanged) {
    cp::PortalState s;
    EXPECT_TRUE(cp::apply(s, cp::Action::set_language(cp::Language::English)));
    EXPECT_EQ(s.language, cp::Language::English);
    EXPECT_FALSE(cp::apply(s, cp::Action::set_language(cp::Language::English)));
    EXPECT_TRUE(cp::apply(s, cp::Action::set_language(cp::Language::Japanese)));
}

TEST(Portal, ConfigProblemsAreDismissedOnce) {
    cp::PortalState s;
    s.config_problems.push_back("brand.json: bad");
    EXPECT_TRUE(cp::apply(s, cp::Action::dismiss_config_problems()));
    EXPECT_TRUE(s.config_problems.empty());
    EXPECT_FALSE(cp::apply(s, cp::Action::dismiss_config_problems()));
}

TEST(Portal, StorageNoticeIsDismissedOnce) {
    cp::PortalState s;
    s.simulation.storage = cp::StorageNotice::MemoryOnly;
    EXPECT_TRUE(cp::apply(s, cp::Action::dismiss_storage_notice()));
    EXPECT_TRUE(s.storage_notice_dismissed);
    EXPECT_FALSE(cp::apply(s, cp::Action::dismiss_storage_notice()));
}

}  // namespace
