#include "json/json_value.h"

#include <gtest/gtest.h>

#include <string>

namespace {

const cp::JsonValue* member(const cp::JsonValue& object, const std::string& key) {
    for (const cp::JsonMember& m : object.members)
        if (m.key == key) return &m.value;
    return nullptr;
}

TEST(JsonValue, ParsesStringsWithEscapesAndJapanese) {
    auto r = cp::parse_json_object(R"({"a": "x\"y\\z\n", "b": "しんきん", "c": "\u3042\ud83d\ude00"})");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(member(r.value, "a")->text, "x\"y\\z\n");
    EXPECT_EQ(member(r.value, "b")->text, "しんきん");
    EXPECT_EQ(member(r.value, "c")->text, "あ\xF0\x9F\x98\x80");
}

TEST(JsonValue, AcceptsEmptyObjectAndByteOrderMark) {
    EXPECT_TRUE(cp::parse_json_object("{}").ok);
    EXPECT_TRUE(cp::parse_json_object("\xEF\xBB\xBF { } \n").ok);
}

TEST(JsonValue, ParsesNestedValuesKeepingOrderAndOffsets) {
    const std::string input = R"({"policy": {"pickup_window_days": 90, "x": [true, false, null, -1.5e3]}, "k": "v"})";
    auto r = cp::parse_json_object(input);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.value.members.size(), 2u);
    EXPECT_EQ(r.value.members[0].key, "policy");
    EXPECT_EQ(r.value.members[1].key, "k");
    const cp::JsonValue& policy = r.value.members[0].value;
    ASSERT_EQ(policy.kind, cp::JsonValue::Kind::Object);
    const cp::JsonValue& days = *member(policy, "pickup_window_days");
    EXPECT_EQ(days.kind, cp::JsonValue::Kind::Number);
    EXPECT_EQ(days.offset, input.find("90"));
    std::uint32_t n = 0;
    EXPECT_TRUE(cp::json_unsigned(days, n));
    EXPECT_EQ(n, 90u);
    const cp::JsonValue& x = *member(policy, "x");
    ASSERT_EQ(x.items.size(), 4u);
    EXPECT_TRUE(x.items[0].boolean);
    EXPECT_EQ(x.items[2].kind, cp::JsonValue::Kind::Null);
    EXPECT_EQ(x.items[3].text, "-1.5e3");
    EXPECT_FALSE(cp::json_unsigned(x.items[3], n));
}

TEST(JsonValue, UnsignedIsAWholeNumberThatFits) {
    for (const char* bad : {"-1", "1.0", "1e2", "4294967296", "\"5\""}) {
        auto r = cp::parse_json_object(std::string("{\"a\": ") + bad + "}");
        ASSERT_TRUE(r.ok) << bad;
        std::uint32_t n = 0;
        EXPECT_FALSE(cp::json_unsigned(r.value.members[0].value, n)) << bad;
    }
}

struct BadCase {
    const char* input;
    const char* error_part;
};

TEST(JsonValue, RejectsMalformedInputWithAClearMessage) {
    const BadCase cases[] = {
        {"", "expected '{'"},
        {"[]", "expected '{'"},
        {"{", "expected a string key"},
        {R"({"a" "b"})", "expected ':'"},
        {R"({"a": tru})", "expected a value"},
        {R"({"a": 01})", "expected ',' or '}'"},
        {R"({"a": -})", "expected a digit"},
        {R"({"a": [1,]})", "expected a value"},
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
        {"{\"\x82\xB5\": \"a\"}", "invalid UTF-8"},      // Shift_JIS in a key
    };
    for (const BadCase& c : cases) {
        SCOPED_TRACE(c.input);
        auto r = cp::parse_json_object(c.input);
        EXPECT_FALSE(r.ok);
        EXPECT_NE(r.error.find(c.error_part), std::string::npos) << r.error;
        EXPECT_TRUE(r.value.members.empty());
    }
}

TEST(JsonValue, RefusesDeepNestingAndOversizeInput) {
    std::string deep = "{\"a\": " + std::string(40, '[') + std::string(40, ']') + "}";
    auto r = cp::parse_json_object(deep);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("nested"), std::string::npos) << r.error;
    std::string big = "{\"a\": \"" + std::string(cp::kJsonMaxBytes, 'x') + "\"}";
    r = cp::parse_json_object(big);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("256 KiB"), std::string::npos);
}

TEST(JsonValue, ReportsTheOffsetAndPlaceOfTheProblem) {
    const std::string input = "{\"a\": \"b\",\n \"か\": \"d\" \"e\": 1}";
    auto r = cp::parse_json_object(input);
    ASSERT_FALSE(r.ok);
    EXPECT_EQ(r.error_offset, input.find("\"e\""));
    const cp::TextPlace place = cp::text_place(input, r.error_offset);
    EXPECT_EQ(place.line, 2u);
    EXPECT_EQ(place.column, 11u);  // 「か」 is one column, three bytes
}

}  // namespace
