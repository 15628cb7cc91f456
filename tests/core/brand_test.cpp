#include "config/brand.h"
#include "config/profile.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

TEST(Brand, DefaultsAreTheSeeds) {
    const cp::BrandConfig b = cp::default_brand();
    EXPECT_EQ(b.service_name.ja, "シティ信金ビジネスダイレクト");
    EXPECT_EQ(b.ca_name.ja, "しんきん電子証明書認証局");
    EXPECT_EQ(b.bank_code, "1635");
    EXPECT_EQ(b.acquisition_app, "ShinkinIBCertTool");
}

TEST(Brand, ShippedBrandFileParsesWithoutProblems) {
    std::ifstream in(CERTPORTAL_SOURCE_DIR "/web/brand.json", std::ios::binary);
    ASSERT_TRUE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    const auto r = cp::parse_profile_json(ss.str());
    EXPECT_TRUE(r.problems.empty()) << r.problems.front();
    EXPECT_EQ(r.profile.brand.service_name.ja, cp::default_brand().service_name.ja);
}

TEST(Brand, RebrandsFromJson) {
    const auto r = cp::parse_profile_json(R"({"service_name_ja": "みらい信金ダイレクト", "bank_code": "9999"})");
    EXPECT_TRUE(r.problems.empty());
    EXPECT_EQ(r.profile.brand.service_name.ja, "みらい信金ダイレクト");
    EXPECT_EQ(r.profile.brand.bank_code, "9999");
    EXPECT_EQ(r.profile.brand.bank_name.ja, cp::default_brand().bank_name.ja);  // untouched field keeps its default
}

TEST(Brand, InvalidFieldsKeepDefaultsAndAreReported) {
    const auto r = cp::parse_profile_json(R"({"bank_code": "12a4", "service_name_en": "", "colour": "red", "_comment": "ok"})");
    ASSERT_EQ(r.problems.size(), 3u);
    EXPECT_EQ(r.profile.brand.bank_code, "1635");
    EXPECT_EQ(r.profile.brand.service_name.en, cp::default_brand().service_name.en);
    bool mentions_unknown = false;
    for (const auto& p : r.problems) mentions_unknown |= p.find("\"colour\"") != std::string::npos;
    EXPECT_TRUE(mentions_unknown);
}

TEST(Brand, RejectsNamesWithControlCharactersAndFileNamesWithSlashes) {
    const auto r = cp::parse_profile_json(R"({"bank_name_ja": "a\nb", "acquisition_app": "../evil"})");
    EXPECT_EQ(r.problems.size(), 2u);
    EXPECT_EQ(r.profile.brand.bank_name.ja, cp::default_brand().bank_name.ja);
    EXPECT_EQ(r.profile.brand.acquisition_app, "ShinkinIBCertTool");
}

TEST(Brand, MalformedFileGivesDefaultsAndOneProblem) {
    const auto r = cp::parse_profile_json("{\"service_name_ja\": ");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_NE(r.problems[0].find("default brand"), std::string::npos);
    EXPECT_EQ(r.profile.brand.service_name.ja, cp::default_brand().service_name.ja);
}

// A problem line keeps its reason whatever the length of what it quotes (the key is cut).
TEST(Brand, ALongUnknownKeyIsCutButTheReasonStays) {
    const std::string key(5000, 'k');
    const auto r = cp::parse_profile_json("{\"" + key + "\": \"x\"}");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_LT(r.problems[0].size(), 300u);
    EXPECT_NE(r.problems[0].find("…\": unknown key, ignored"), std::string::npos) << r.problems[0];
}

}  // namespace
