#include "text/half_width.h"

namespace cp {

char32_t to_half_width(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // ！..～ → !..~ (the same order in both blocks)
    if (c == 0x3000) return U' ';                        // the ideographic space
    return c;
}

}  // namespace cp
