// certportal core: the UI string catalogue (Japanese first, English as a switch).
//
// Every string the UI shows is an entry of strings.def. Code names an entry by TextId and asks for
// it in the current language; nothing in ui/ spells a literal that a person reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cp {

enum class Language : unsigned char { Japanese = 0, English = 1 };

enum class TextId : unsigned short {
#define CP_TEXT(id, ja, en) id,
#include "text/strings.def"
#undef CP_TEXT
    Count_
};

inline constexpr std::size_t kTextCount = static_cast<std::size_t>(TextId::Count_);

// The entry in the given language (never null; NUL-terminated UTF-8): the active copy deck's
// wording when it has one for this entry and language (below), the catalogue's otherwise.
const char* text(TextId id, Language language);
// The catalogue's own wording, whatever the copy deck says (the deck's checks, a list of changes).
const char* catalogue_text(TextId id, Language language);

// The identifier as written in strings.def ("TopUserLogin"), for tests and diagnostics.
const char* text_id_name(TextId id);
// The entry named `name` (a profile's copy deck names texts by these ids); false when none is.
bool text_id_from_name(std::string_view name, TextId& out);

// A profile's wording for catalogue texts, by id and language (config/profile.h reads it from the
// profile file and checks each text first). An entry without wording of its own (empty) shows the
// catalogue's.
class CopyDeck {
public:
    void set(TextId id, Language language, std::string wording);
    // nullptr when the deck has no wording for this entry in this language.
    const std::string* find(TextId id, Language language) const;
    std::size_t size() const;  // the entries with wording, per language counted apart

private:
    std::vector<std::string> wording_;  // 2 × kTextCount once anything is set; empty = the catalogue's
};

// The copy deck text() consults: the page's profile. Replacing it invalidates the pointers text()
// gave before (the page replaces it between frames, never while one is drawn).
void use_copy_deck(CopyDeck deck);
const CopyDeck& active_copy_deck();

// "ja" / "en" (BCP 47 primary tags) and back; unknown tags give Japanese, the default.
std::string_view language_tag(Language language);
Language language_from_tag(std::string_view tag);
// The one rule for a language asked for (a link's ?lang=, the remembered choice): a BCP 47 tag
// whose primary subtag, in any case, is ja or en ("en", "EN", "en-US", "ja-JP"); false for
// anything else ("fr", "english", "en_US", "", "en-"). The test vectors are shared with the
// browser test of the page: tests/lang_cases.tsv.
bool parse_language_tag(std::string_view tag, Language& out);

// A value a person gave, quoted back inside a sentence (a link's or brand.json's mistake): at most
// kQuotedValueBytes bytes, cut at a character boundary with 「…」 after it, so that the sentence
// around it (the reason, the default used) is always there whatever the value's length.
inline constexpr std::size_t kQuotedValueBytes = 120;
std::string quoted_value(std::string_view value);

}  // namespace cp
