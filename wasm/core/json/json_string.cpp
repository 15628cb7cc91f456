#include "json/json_string.h"

#include <cstdio>

namespace cp {

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\u%04x", byte);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
}

}  // namespace cp
