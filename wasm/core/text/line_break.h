// certportal core: line breaking for mixed Japanese and Latin text (JIS X 4051 essentials).
//
// Dear ImGui wraps at spaces only, which breaks Japanese text after 、 and 。 (or not at all) and
// strands 。 at the start of a line. This breaker:
//   - may break between any two Japanese characters (kanji, kana, full-width forms);
//   - breaks Latin text at spaces, and inside a word only when the word alone is wider than a line;
//   - keeps 行頭禁則 characters (。、」）ー small kana ...) off the start of a line and 行末禁則
//     characters (「（『 ...) off the end, by moving the break earlier;
//   - lets 、。，． hang past the right edge (ぶら下げ) instead of pushing a character down;
//   - honours '\n' as a forced break and drops spaces at the end of a line.
// Widths come from a callback, so the same code serves ImGui's fonts and tests with fixed widths.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace cp {

struct LineSpan {
    std::size_t begin;  // byte offsets into the text, end exclusive (trailing spaces excluded)
    std::size_t end;
};

// Returns the advance width of one Unicode code point.
using AdvanceFn = float (*)(char32_t codepoint, void* user);

// Breaks `utf8` into lines no wider than max_width (except hanging punctuation and a single
// character wider than the line). Invalid UTF-8 bytes count as U+FFFD, never read past the end.
std::vector<LineSpan> break_lines(std::string_view utf8, float max_width, AdvanceFn advance, void* user);

// The width of the widest piece break_lines keeps on one line whatever the width (a Latin word,
// a Japanese character with the ones 禁則 keeps beside it; hanging 、。 aside): at max_width at
// least this, no word is broken. What a column of wrapped text needs at the least.
float widest_unbreakable(std::string_view utf8, AdvanceFn advance, void* user);

// Classification, exposed for tests.
bool is_line_start_forbidden(char32_t c);  // 行頭禁則
bool is_line_end_forbidden(char32_t c);    // 行末禁則
bool is_hanging_punctuation(char32_t c);   // ぶら下げ: 、。，．
bool is_japanese_breakable(char32_t c);    // a break is allowed on either side (ideographs, kana, ...)

}  // namespace cp
