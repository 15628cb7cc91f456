// certportal pki (internal): the texts of an enum's values as one table, a row per value in the
// enum's order (PkiError's names and messages, CertificateStatus's names and Japanese labels).
#pragma once

#include <cstddef>

namespace cp::pki::detail {

struct EnumText {
    const char* name;  // the value's identifier, e.g. "WrongPassword"
    const char* text;  // what it says to a person or a log
};

// The row of `value`, or `unknown` for a value past the table.
template <std::size_t N, typename E>
const EnumText& enum_text(const EnumText (&table)[N], E value, const EnumText& unknown) {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? table[i] : unknown;
}

}  // namespace cp::pki::detail
