#include "text/line_break.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

// Every code point 1 unit wide, Latin ones too: line widths equal character counts.
float unit(char32_t, void*) { return 1.0f; }

std::vector<std::string> lines_of(const std::string& text, float width) {
    std::vector<std::string> out;
    for (const cp::LineSpan& l : cp::break_lines(text, width, unit, nullptr)) out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

using Lines = std::vector<std::string>;

TEST(LineBreak, BreaksJapaneseBetweenAnyCharacters) {
    EXPECT_EQ(lines_of("電子証明書の有効期限", 4), (Lines{"電子証明", "書の有効", "期限"}));
}

TEST(LineBreak, ShortTextIsOneLine) {
    EXPECT_EQ(lines_of("利用者ログイン", 20), (Lines{"利用者ログイン"}));
}

TEST(LineBreak, EmptyTextIsOneEmptyLine) {
    EXPECT_EQ(lines_of("", 10), (Lines{""}));
}

TEST(LineBreak, PeriodHangsInsteadOfStartingALine) {
    // 4 per line: "ください" fills the line, 。 would start the next one: it hangs instead.
    EXPECT_EQ(lines_of("くださいね。", 5), (Lines{"くださいね。"}));
    EXPECT_EQ(lines_of("ください。次", 4), (Lines{"ください。", "次"}));
}

TEST(LineBreak, ClosingBracketAndSmallKanaNeverStartALine) {
    EXPECT_EQ(lines_of("「更新」を押す", 3), (Lines{"「更", "新」を", "押す"}));
    EXPECT_EQ(lines_of("あいうッ", 3), (Lines{"あい", "うッ"}));  // ッ may not start a line
    EXPECT_EQ(lines_of("あいうー", 3), (Lines{"あい", "うー"}));  // ー neither
}

TEST(LineBreak, OpeningBracketNeverEndsALine) {
    EXPECT_EQ(lines_of("押す「更新」", 3), (Lines{"押す", "「更", "新」"}));
}

TEST(LineBreak, LatinBreaksAtSpacesAndDropsThem) {
    EXPECT_EQ(lines_of("Obtain a certificate", 11), (Lines{"Obtain a", "certificate"}));
    EXPECT_EQ(lines_of("ab  cd", 3), (Lines{"ab", "cd"}));
}

TEST(LineBreak, OverlongWordIsCut) {
    EXPECT_EQ(lines_of("ShinkinIBCertTool", 7), (Lines{"Shinkin", "IBCertT", "ool"}));
}

TEST(LineBreak, MixedScriptsBreakAtTheBoundary) {
    EXPECT_EQ(lines_of("証明書ShinkinIBCertToolを起動", 9), (Lines{"証明書", "ShinkinIB", "CertToolを", "起動"}));
}

TEST(LineBreak, NewlinesForceBreaks) {
    EXPECT_EQ(lines_of("一\n二\n", 10), (Lines{"一", "二", ""}));
}

TEST(LineBreak, InvalidUtf8DoesNotReadPastTheEnd) {
    const std::string bad = "\xE3\x81";  // truncated あ
    const auto spans = cp::break_lines(bad, 10, unit, nullptr);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_LE(spans[0].end, bad.size());
}

TEST(LineBreak, ZeroWidthBudgetStillProgresses) {
    // One character per line rather than an endless loop.
    EXPECT_EQ(lines_of("あいう", 0), (Lines{"あ", "い", "う"}));
}

TEST(LineBreak, Classification) {
    EXPECT_TRUE(cp::is_line_start_forbidden(U'。'));
    EXPECT_TRUE(cp::is_line_start_forbidden(U'ッ'));
    EXPECT_FALSE(cp::is_line_start_forbidden(U'あ'));
    EXPECT_TRUE(cp::is_line_end_forbidden(U'「'));
    EXPECT_TRUE(cp::is_hanging_punctuation(U'、'));
    EXPECT_TRUE(cp::is_japanese_breakable(U'漢'));
    EXPECT_FALSE(cp::is_japanese_breakable(U'a'));
}

// The least width that breaks no word: the widest word of Latin text, one Japanese character
// (two where 禁則 keeps a bracket beside it); at that width break_lines keeps every word whole.
TEST(LineBreak, WidestUnbreakableIsTheLeastWidthThatBreaksNoWord) {
    EXPECT_EQ(cp::widest_unbreakable("Certificate issue number", unit, nullptr), 11.0f);
    EXPECT_EQ(lines_of("Certificate issue number", 11), (Lines{"Certificate", "issue", "number"}));
    EXPECT_EQ(lines_of("Certificate issue number", 10).front(), "Certificat") << "narrower: the word breaks";
    EXPECT_EQ(cp::widest_unbreakable("電子証明書発行番号", unit, nullptr), 1.0f);
    EXPECT_EQ(cp::widest_unbreakable("「更新」を押す", unit, nullptr), 2.0f);
    EXPECT_EQ(cp::widest_unbreakable("Contract ID（利用者番号）", unit, nullptr), 8.0f) << "「ID（」: （ never ends a line";
    EXPECT_EQ(cp::widest_unbreakable("", unit, nullptr), 0.0f);
}

}  // namespace
