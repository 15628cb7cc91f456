#include "text/catalogue.h"

namespace cp {
namespace {

struct Entry {
    const char* name;
    const char* ja;
    const char* en;
};

constexpr Entry kEntries[] = {
#define CP_TEXT(id, ja, en) {#id, ja, en},
#include "text/strings.def"
#undef CP_TEXT
};
static_assert(sizeof(kEntries) / sizeof(kEntries[0]) == kTextCount);

const Entry& entry(TextId id) {
    const auto index = static_cast<std::size_t>(id);
    return kEntries[index < kTextCount ? index : 0];
}

}  // namespace

const char* text(TextId id, Language language) {
    const Entry& e = entry(id);
    return language == Language::English ? e.en : e.ja;
}

const char* text_id_name(TextId id) { return entry(id).name; }

std::string_view language_tag(Language language) {
    return language == Language::English ? "en" : "ja";
}

bool parse_language_tag(std::string_view tag, Language& out) {
    const std::size_t dash = tag.find('-');
    const std::string_view primary = tag.substr(0, dash);
    if (primary.size() != 2) return false;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const std::string p{lower(primary[0]), lower(primary[1])};
    if (p != "ja" && p != "en") return false;
    if (dash != std::string_view::npos) {  // subtags: 1-8 letters or digits each
        std::size_t length = 0;
        for (const char c : tag.substr(dash + 1)) {
            const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (c == '-' ? length == 0 : !alnum || ++length > 8) return false;
            if (c == '-') length = 0;
        }
        if (length == 0) return false;
    }
    out = p == "en" ? Language::English : Language::Japanese;
    return true;
}

Language language_from_tag(std::string_view tag) {
    Language out = Language::Japanese;
    return parse_language_tag(tag, out) ? out : Language::Japanese;
}

std::string quoted_value(std::string_view value) {
    if (value.size() <= kQuotedValueBytes) return std::string(value);
    std::size_t end = kQuotedValueBytes;
    // Back to the start of a UTF-8 sequence (a continuation byte is 10xxxxxx).
    while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
    return std::string(value.substr(0, end)) + "…";
}

}  // namespace cp
