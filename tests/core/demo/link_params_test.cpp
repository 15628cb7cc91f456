// The parameters a shared link carries: parsed, validated, and every bad value reported with the
// default used instead.
#include "demo/link_params.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace {

using cp::LinkProblemKind;

TEST(LinkParams, NoParametersMeansContinueInJapanese) {
    for (const char* search : {"", "?", "?&&"}) {
        const cp::LinkParams p = cp::parse_link_params(search);
        EXPECT_EQ(p.scenario, nullptr);
        EXPECT_FALSE(p.has_language);
        EXPECT_EQ(p.language, cp::Language::Japanese);
        EXPECT_FALSE(p.guide);
        EXPECT_FALSE(p.kiosk);
        EXPECT_EQ(p.idle_minutes, cp::kDefaultIdleMinutes);
        EXPECT_TRUE(p.problems.empty()) << search;
    }
}

TEST(LinkParams, AFullLinkIsRead) {
    const cp::LinkParams p = cp::parse_link_params("?scenario=admin-renewal&lang=en&guide=1&kiosk=1&idle=2");
    ASSERT_NE(p.scenario, nullptr);
    EXPECT_EQ(p.scenario->preset, cp::Preset::AdminRenewalWindow);
    EXPECT_TRUE(p.has_language);
    EXPECT_EQ(p.language, cp::Language::English);
    EXPECT_TRUE(p.guide);
    EXPECT_TRUE(p.kiosk);
    EXPECT_EQ(p.idle_minutes, 2.0);
    EXPECT_EQ(cp::parse_link_params("idle=0.25").idle_minutes, 0.25);
    EXPECT_EQ(cp::parse_link_params("idle=1440").idle_minutes, 1440.0);
    EXPECT_TRUE(p.problems.empty());
    // Without the '?', escaped, switched off explicitly, the last of a repeated name.
    const cp::LinkParams q = cp::parse_link_params("scenario=card%2dlost&guide=0&lang=en&lang=ja");
    ASSERT_NE(q.scenario, nullptr);
    EXPECT_EQ(q.scenario->id, "card-lost");
    EXPECT_FALSE(q.guide);
    EXPECT_EQ(q.language, cp::Language::Japanese);
    EXPECT_TRUE(q.problems.empty());
}

// ?profile=NAME: a name of one safe pattern, so profiles/NAME.json is always a file beside the
// bundle, on the page's origin; anything else is listed and the default profile used.
TEST(LinkParams, AProfileNameIsOfOneSafePattern) {
    const cp::LinkParams p = cp::parse_link_params("?profile=mirai-shinkin");
    EXPECT_EQ(p.profile, "mirai-shinkin");
    EXPECT_TRUE(p.problems.empty());
    EXPECT_EQ(cp::profile_path(p.profile), "profiles/mirai-shinkin.json");
    for (const char* bad : {"profile=", "profile=..%2Fbrand", "profile=a/b", "profile=Mirai", "profile=-x", "profile=a.json",
                            "profile=%2F%2Fevil.example%2Fx", "profile=https:x", "profile=a%5Cb", "profile=a b",
                            "profile=abcdefghijklmnopqrstuvwxyz0123456"}) {
        const cp::LinkParams q = cp::parse_link_params(bad);
        EXPECT_EQ(q.profile, "") << bad;
        ASSERT_EQ(q.problems.size(), 1u) << bad;
        EXPECT_EQ(q.problems[0].kind, LinkProblemKind::BadProfileName) << bad;
    }
    EXPECT_TRUE(cp::profile_name_valid("abcdefghijklmnopqrstuvwxyz012345"));  // 32: the longest
    EXPECT_TRUE(cp::profile_name_valid("plain-ja"));
}

TEST(LinkParams, BadValuesAreRejectedClearlyAndTheDefaultsUsed) {
    const cp::LinkParams p =
        cp::parse_link_params("?scenario=nope&lang=fr&guide=yes&kiosk=2&idle=0&utm_source=mail&scenario2");
    EXPECT_EQ(p.scenario, nullptr);
    EXPECT_EQ(p.language, cp::Language::Japanese);
    EXPECT_FALSE(p.has_language);
    EXPECT_FALSE(p.guide);
    EXPECT_FALSE(p.kiosk);
    EXPECT_EQ(p.idle_minutes, cp::kDefaultIdleMinutes);
    const std::vector<cp::LinkProblem> expected{
        {LinkProblemKind::UnknownScenario, "scenario", "nope"}, {LinkProblemKind::BadLanguage, "lang", "fr"},
        {LinkProblemKind::BadSwitch, "guide", "yes"},          {LinkProblemKind::BadSwitch, "kiosk", "2"},
        {LinkProblemKind::BadIdleMinutes, "idle", "0"},        {LinkProblemKind::UnknownParameter, "utm_source", "mail"},
        {LinkProblemKind::UnknownParameter, "scenario2", ""},
    };
    EXPECT_EQ(p.problems, expected);
    for (const char* idle : {"idle=", "idle=-3", "idle=0.05", "idle=1.", "idle=1.234", "idle=1441", "idle=99999999", "idle=%31x"}) {
        const cp::LinkParams q = cp::parse_link_params(idle);
        EXPECT_EQ(q.idle_minutes, cp::kDefaultIdleMinutes) << idle;
        ASSERT_EQ(q.problems.size(), 1u) << idle;
        EXPECT_EQ(q.problems[0].kind, LinkProblemKind::BadIdleMinutes);
    }
    // A broken escape is kept as typed (and so is not a scenario id).
    const cp::LinkParams r = cp::parse_link_params("scenario=seed%2");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].value, "seed%2");
}

TEST(LinkParams, EveryProblemHasAMessageNamingTheParameterAndValue) {
    for (int k = 0; k < static_cast<int>(LinkProblemKind::Count_); ++k) {
        const cp::TextId id = cp::link_problem_text(static_cast<LinkProblemKind>(k));
        for (cp::Language l : {cp::Language::Japanese, cp::Language::English}) {
            const std::string t = cp::text(id, l);
            const auto first = t.find("%s");
            ASSERT_NE(first, std::string::npos) << t;
            EXPECT_NE(t.find("%s", first + 2), std::string::npos) << t;
        }
        for (int j = 0; j < k; ++j) EXPECT_NE(id, cp::link_problem_text(static_cast<LinkProblemKind>(j)));
    }
}

// The one rule for lang=, from the vectors the page's browser test reads too.
TEST(LinkParams, LanguageFollowsTheSharedVectors) {
    std::ifstream file(CERTPORTAL_SOURCE_DIR "/tests/lang_cases.tsv");
    ASSERT_TRUE(file.good());
    std::string line;
    int cases = 0;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
        ASSERT_NE(b, std::string::npos) << line;
        const std::string search = line.substr(0, a), shown = line.substr(a + 1, b - a - 1), problem = line.substr(b + 1);
        const cp::LinkParams p = cp::parse_link_params(search);
        EXPECT_TRUE(p.language_asked) << search;
        EXPECT_EQ(cp::language_tag(p.language), shown) << search;
        EXPECT_EQ(p.problems.size(), problem == "problem" ? 1u : 0u) << search;
        if (!p.problems.empty()) {
            EXPECT_EQ(p.problems[0].kind, LinkProblemKind::BadLanguage) << search;
        }
        ++cases;
    }
    EXPECT_GE(cases, 10);
}

// A repeated name: the last value wins, for every parameter, and an earlier value's problem goes.
TEST(LinkParams, ALaterValueReplacesAnEarlierMistake) {
    const cp::LinkParams p = cp::parse_link_params("?guide=yes&guide=1&idle=0&idle=2");
    EXPECT_TRUE(p.guide);
    EXPECT_EQ(p.idle_minutes, 2.0);
    EXPECT_TRUE(p.problems.empty());
}

}  // namespace
