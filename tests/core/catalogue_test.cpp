#include "text/catalogue.h"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>

namespace {

// True when s is well-formed UTF-8 (the font subset and ImGui both rely on it).
bool is_utf8(const char* s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s);
    while (*p) {
        int len = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : (*p >> 3) == 30 ? 4 : 0;
        if (len == 0) return false;
        for (int i = 1; i < len; ++i)
            if ((p[i] & 0xC0) != 0x80) return false;
        p += len;
    }
    return true;
}

TEST(Catalogue, EveryEntryHasJapaneseAndEnglish) {
    for (std::size_t i = 0; i < cp::kTextCount; ++i) {
        const auto id = static_cast<cp::TextId>(i);
        const char* ja = cp::text(id, cp::Language::Japanese);
        const char* en = cp::text(id, cp::Language::English);
        SCOPED_TRACE(cp::text_id_name(id));
        EXPECT_GT(std::strlen(ja), 0u);
        EXPECT_GT(std::strlen(en), 0u);
        EXPECT_TRUE(is_utf8(ja));
        EXPECT_TRUE(is_utf8(en));
    }
}

TEST(Catalogue, IdentifiersAreUnique) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < cp::kTextCount; ++i)
        EXPECT_TRUE(names.insert(cp::text_id_name(static_cast<cp::TextId>(i))).second);
}

TEST(Catalogue, LanguageSwitchChangesText) {
    EXPECT_STREQ(cp::text(cp::TextId::TopUserLogin, cp::Language::Japanese), "利用者ログイン");
    EXPECT_STREQ(cp::text(cp::TextId::TopUserLogin, cp::Language::English), "User login");
}

TEST(Catalogue, LanguageTagsRoundTripAndDefaultToJapanese) {
    EXPECT_EQ(cp::language_from_tag(cp::language_tag(cp::Language::English)), cp::Language::English);
    EXPECT_EQ(cp::language_from_tag(cp::language_tag(cp::Language::Japanese)), cp::Language::Japanese);
    EXPECT_EQ(cp::language_from_tag("en-US"), cp::Language::English);
    EXPECT_EQ(cp::language_from_tag("fr"), cp::Language::Japanese);
    EXPECT_EQ(cp::language_from_tag(""), cp::Language::Japanese);
    EXPECT_EQ(cp::language_from_tag("english"), cp::Language::Japanese);  // the one rule: parse_language_tag
    EXPECT_EQ(cp::language_from_tag("en_US"), cp::Language::Japanese);
}

TEST(Catalogue, OutOfRangeIdFallsBackInsteadOfReadingPastTheTable) {
    const auto bogus = static_cast<cp::TextId>(60000);
    EXPECT_STREQ(cp::text_id_name(bogus), cp::text_id_name(static_cast<cp::TextId>(0)));
}

// A value quoted back in a sentence is cut, never the sentence: at a character boundary, with 「…」.
TEST(Catalogue, AQuotedValueIsCutAtACharacterWithAnEllipsis) {
    EXPECT_EQ(cp::quoted_value("en-US"), "en-US");
    const std::string exact(cp::kQuotedValueBytes, 'x');
    EXPECT_EQ(cp::quoted_value(exact), exact);
    const std::string longer = std::string(10 * 1024, 'x');
    EXPECT_EQ(cp::quoted_value(longer), std::string(cp::kQuotedValueBytes, 'x') + "…");
    std::string kana;  // 3 bytes a character: the cut falls inside one and backs off to its start
    while (kana.size() < 1000) kana += "あ";
    const std::string cut = cp::quoted_value(kana);
    EXPECT_TRUE(is_utf8(cut.c_str()));
    EXPECT_EQ(cut.size(), cp::kQuotedValueBytes / 3 * 3 + std::string("…").size());
    EXPECT_EQ(cut.substr(cut.size() - 3), "…");
}

}  // namespace
