#include "json/flat_json.h"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(FlatJson, ParsesStringsWithEscapesAndJapanese) {
    auto r = cp::parse_flat_json(R"({"a": "x\"y\\z\n", "b": "しんきん", "c": "\u3042\ud83d\ude00"})");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.values["a"], "x\"y\\z\n");
    EXPECT_EQ(r.values["b"], "しんきん");
    EXPECT_EQ(r.values["c"], "あ\xF0\x9F\x98\x80");
}

TEST(FlatJson, AcceptsEmptyObjectAndByteOrderMark) {
    EXPECT_TRUE(cp::parse_flat_json("{}").ok);
    EXPECT_TRUE(cp::parse_flat_json("\xEF\xBB\xBF { } \n").ok);
}

struct BadCase {
    const char* input;
    const char* error_part;
};

TEST(FlatJson, RejectsMalformedInputWithAClearMessage) {
    const BadCase cases[] = {
        {"", "expected '{'"},
        {"[]", "expected '{'"},
        {"{", "expected a string key"},
        {R"({"a" "b"})", "expected ':'"},
        {R"({"a": 1})", "only strings"},
        {R"({"a": "b",})", "expected a string key"},
        {R"({"a": "b"} x)", "after the object"},
        {R"({"a": "b", "a": "c"})", "duplicate key"},
        {R"({"a": "b)", "unterminated"},
        {"{\"a\": \"\x01\"}", "control character"},
        {R"({"a": "\q"})", "unknown escape"},
        {R"({"a": "\u12"})", "bad \\u"},
        {R"({"a": "\ud800"})", "surrogate"},
        {R"({"a": "\udc00"})", "surrogate"},
        {"{\"a\": \"\xC0\xAF\"}", "invalid UTF-8"},      // overlong '/'
        {"{\"a\": \"\xED\xA0\x80\"}", "invalid UTF-8"},  // encoded surrogate
        {"{\"a\": \"\xE3\x81\"}", "invalid UTF-8"},      // truncated sequence
    };
    for (const BadCase& c : cases) {
        SCOPED_TRACE(c.input);
        auto r = cp::parse_flat_json(c.input);
        EXPECT_FALSE(r.ok);
        EXPECT_NE(r.error.find(c.error_part), std::string::npos) << r.error;
        EXPECT_TRUE(r.values.empty());
    }
}

TEST(FlatJson, RefusesOversizeInput) {
    std::string big = "{\"a\": \"" + std::string(cp::kFlatJsonMaxBytes, 'x') + "\"}";
    auto r = cp::parse_flat_json(big);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("64 KiB"), std::string::npos);
}

TEST(FlatJson, ReportsTheOffsetOfTheProblem) {
    auto r = cp::parse_flat_json(R"({"a": "b" "c": "d"})");
    ASSERT_FALSE(r.ok);
    EXPECT_EQ(r.error_offset, 10u);
}

}  // namespace
