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

CopyDeck& deck() {
    static CopyDeck active;
    return active;
}

std::size_t slot(TextId id, Language language) {
    const auto index = static_cast<std::size_t>(id);
    return (index < kTextCount ? index : 0) * 2 + (language == Language::English ? std::size_t{1} : std::size_t{0});
}

}  // namespace

const char* catalogue_text(TextId id, Language language) {
    const Entry& e = entry(id);
    return language == Language::English ? e.en : e.ja;
}

const char* text(TextId id, Language language) {
    const std::string* own = deck().find(id, language);
    return own != nullptr ? own->c_str() : catalogue_text(id, language);
}

const char* text_id_name(TextId id) { return entry(id).name; }

bool text_id_from_name(std::string_view name, TextId& out) {
    for (std::size_t i = 0; i < kTextCount; ++i)
        if (name == kEntries[i].name) {
            out = static_cast<TextId>(i);
            return true;
        }
    return false;
}

void CopyDeck::set(TextId id, Language language, std::string wording) {
    if (wording_.empty()) wording_.resize(kTextCount * 2);
    wording_[slot(id, language)] = std::move(wording);
}

const std::string* CopyDeck::find(TextId id, Language language) const {
    if (wording_.empty()) return nullptr;
    const std::string& w = wording_[slot(id, language)];
    return w.empty() ? nullptr : &w;
}

std::size_t CopyDeck::size() const {
    std::size_t n = 0;
    for (const std::string& w : wording_) n += w.empty() ? std::size_t{0} : std::size_t{1};
    return n;
}

void use_copy_deck(CopyDeck d) { deck() = std::move(d); }
const CopyDeck& active_copy_deck() { return deck(); }

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
