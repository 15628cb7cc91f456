#include "text/line_break.h"

#include <algorithm>

namespace cp {
namespace {

struct CodePoint {
    char32_t value;
    std::size_t begin;  // byte offset
    std::size_t end;
};

std::vector<CodePoint> decode(std::string_view s) {
    std::vector<CodePoint> out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
        char32_t cp = 0xFFFD;
        if (len == 0 || i + len > s.size()) {
            len = 1;
        } else {
            cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
            for (std::size_t k = 1; k < len; ++k) {
                const auto b = static_cast<unsigned char>(s[i + k]);
                if ((b & 0xC0) != 0x80) {
                    cp = 0xFFFD;
                    len = k;
                    break;
                }
                cp = (cp << 6) | (b & 0x3Fu);
            }
        }
        out.push_back({cp, i, i + len});
        i += len;
    }
    return out;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000; }

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

}  // namespace

bool is_line_start_forbidden(char32_t c) {
    static constexpr std::u32string_view kSet =
        U"、。，．・：；？！゛゜ヽヾゝゞ々〻ー―‐～…‥"
        U"）」』】〕〉》｝〙〗］"
        U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
        U")]},.!?:;%";
    return in(c, kSet);
}

bool is_line_end_forbidden(char32_t c) {
    static constexpr std::u32string_view kSet = U"（「『【〔〈《｛〘〖［([{¥$";
    return in(c, kSet);
}

bool is_hanging_punctuation(char32_t c) { return c == U'、' || c == U'。' || c == U'，' || c == U'．'; }

bool is_japanese_breakable(char32_t c) {
    return (c >= 0x3000 && c <= 0x30FF) ||   // CJK punctuation, hiragana, katakana
           (c >= 0x3400 && c <= 0x9FFF) ||   // CJK ideographs (extension A and unified)
           (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
           (c >= 0xFF01 && c <= 0xFF9F) ||   // full-width forms, half-width katakana
           (c >= 0x20000 && c <= 0x3FFFF);   // supplementary ideographs
}

namespace {
// May a line break before cps[i] (i > 0)?
bool can_break_before(const std::vector<CodePoint>& cps, std::size_t i) {
    const char32_t prev = cps[i - 1].value;
    const char32_t cur = cps[i].value;
    if (is_space(cur)) return false;  // break after the spaces, not before them
    if (is_line_start_forbidden(cur) || is_line_end_forbidden(prev)) return false;
    if (is_space(prev)) return true;
    return is_japanese_breakable(prev) || is_japanese_breakable(cur);
}
}  // namespace

float widest_unbreakable(std::string_view utf8, AdvanceFn advance, void* user) {
    const std::vector<CodePoint> cps = decode(utf8);
    float widest = 0.0f;
    float piece = 0.0f;   // the piece since the last allowed break, its trailing spaces aside
    float spaces = 0.0f;  // trailing spaces of the piece (dropped at a line's end)
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i].value;
        if (c == U'\n' || (i > 0 && can_break_before(cps, i))) piece = spaces = 0.0f;
        if (c == U'\n') continue;
        const float w = advance(c, user);
        if (is_space(c)) {
            spaces += w;
            continue;
        }
        piece += spaces + w;
        spaces = 0.0f;
        if (!is_hanging_punctuation(c)) widest = std::max(widest, piece);  // 、。 may hang past the edge
    }
    return widest;
}

std::vector<LineSpan> break_lines(std::string_view utf8, float max_width, AdvanceFn advance, void* user) {
    const std::vector<CodePoint> cps = decode(utf8);
    std::vector<LineSpan> lines;
    const std::size_t n = cps.size();
    auto emit = [&](std::size_t first, std::size_t last) {  // code points [first, last)
        while (last > first && is_space(cps[last - 1].value)) --last;
        const std::size_t b = first < n ? cps[first].begin : utf8.size();
        const std::size_t e = last > first ? cps[last - 1].end : b;
        lines.push_back({b, e});
    };

    std::size_t start = 0;
    while (start < n || lines.empty()) {
        if (start >= n) {
            emit(start, start);
            break;
        }
        float width = 0.0f;
        std::size_t last_break = 0;  // candidate break position (index of the next line's first cp)
        std::size_t i = start;
        bool forced = false;
        for (; i < n; ++i) {
            const char32_t c = cps[i].value;
            if (c == U'\n') {
                forced = true;
                break;
            }
            if (i > start && can_break_before(cps, i)) last_break = i;
            const float w = advance(c, user);
            if (width + w > max_width && i > start && !is_space(c)) {
                if (is_hanging_punctuation(c)) {
                    ++i;  // hangs past the edge: the break comes after it
                } else if (last_break > start) {
                    i = last_break;
                } else {
                    // No allowed break inside the line (a long word): break before this character,
                    // but never so that the next line starts with a forbidden character.
                    while (i > start + 1 && is_line_start_forbidden(cps[i].value)) --i;
                }
                break;
            }
            width += w;
        }
        emit(start, i);
        if (forced) {
            start = i + 1;
            if (start == n) emit(start, start);  // a trailing '\n' ends with an empty line
            continue;
        }
        start = i;
        while (start < n && is_space(cps[start].value)) ++start;  // no spaces at a line start
        if (start >= n) break;
    }
    return lines;
}

}  // namespace cp
