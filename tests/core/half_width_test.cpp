#include "text/half_width.h"

#include <gtest/gtest.h>

namespace cp {
namespace {

TEST(HalfWidth, FullWidthDigitsLettersAndSymbolsBecomeAscii) {
    EXPECT_EQ(to_half_width(U'０'), U'0');
    EXPECT_EQ(to_half_width(U'９'), U'9');
    EXPECT_EQ(to_half_width(U'Ａ'), U'A');
    EXPECT_EQ(to_half_width(U'ｚ'), U'z');
    EXPECT_EQ(to_half_width(U'！'), U'!');   // the first of the block
    EXPECT_EQ(to_half_width(U'～'), U'~');   // the last
    EXPECT_EQ(to_half_width(U'＠'), U'@');
    EXPECT_EQ(to_half_width(U'\u3000'), U' ');
}

TEST(HalfWidth, EverythingElseIsLeftAlone) {
    for (char32_t c : {U'0', U'a', U'~', U' ', U'あ', U'山', U'ｱ' /* half-width katakana */, U'\uFF00', U'\uFF5F', U'\uFFE5' /* ￥ */}) {
        EXPECT_EQ(to_half_width(c), c) << static_cast<unsigned>(c);
        EXPECT_FALSE(is_full_width_ascii(c)) << static_cast<unsigned>(c);
    }
}

TEST(HalfWidth, TheWholeBlockMapsOntoPrintableAscii) {
    for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) {
        EXPECT_TRUE(is_full_width_ascii(c));
        const char32_t h = to_half_width(c);
        EXPECT_GE(h, U'!');
        EXPECT_LE(h, U'~');
    }
}

}  // namespace
}  // namespace cp
