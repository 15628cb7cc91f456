// certportal core: full-width to half-width for fields that take ASCII only (IDs, PINs, passwords,
// one-time passwords, card numbers).
//
// A Japanese keyboard's IME, left in its usual mode, types 「１２３ａｂｃ」: the full-width forms of
// ASCII (U+FF01..U+FF5E) and the ideographic space (U+3000). The bank's rules are "半角英数字", so
// rather than refusing what the person typed, the field converts each such character to its ASCII
// twin and says so (the message is the UI's; this is the mapping). Anything else is left as it is,
// for the field's own rule to judge.
#pragma once

namespace cp {

// The half-width twin of a full-width ASCII form or U+3000; any other code point unchanged.
char32_t to_half_width(char32_t c);

// Whether to_half_width(c) differs from c.
inline bool is_full_width_ascii(char32_t c) { return (c >= 0xFF01 && c <= 0xFF5E) || c == 0x3000; }

}  // namespace cp
