#include "text/half_width.h"

namespace cp {

char32_t to_half_width(char32_t c) {
    if (!is_full_width_ascii(c)) return c;
    return c == 0x3000 ? U' ' : c - 0xFEE0;  // the ideographic space; ！..～ → !..~ (the same order)
}

}  // namespace cp
