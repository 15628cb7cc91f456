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

Language language_from_tag(std::string_view tag) {
    return tag.substr(0, 2) == "en" ? Language::English : Language::Japanese;
}

}  // namespace cp
