// certportal core: the UI string catalogue (Japanese first, English as a switch).
//
// Every string the UI shows is an entry of strings.def. Code names an entry by TextId and asks for
// it in the current language; nothing in ui/ spells a literal that a person reads.
#pragma once

#include <cstddef>
#include <string_view>

namespace cp {

enum class Language : unsigned char { Japanese = 0, English = 1 };

enum class TextId : unsigned short {
#define CP_TEXT(id, ja, en) id,
#include "text/strings.def"
#undef CP_TEXT
    Count_
};

inline constexpr std::size_t kTextCount = static_cast<std::size_t>(TextId::Count_);

// The entry in the given language (never null; a NUL-terminated UTF-8 literal).
const char* text(TextId id, Language language);

// The identifier as written in strings.def ("TopUserLogin"), for tests and diagnostics.
const char* text_id_name(TextId id);

// "ja" / "en" (BCP 47 primary tags) and back; unknown tags give Japanese, the default.
std::string_view language_tag(Language language);
Language language_from_tag(std::string_view tag);

}  // namespace cp
