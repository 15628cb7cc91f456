// certportal demo: what a shared link carries — `?scenario=<id>&lang=ja|en&guide=1&kiosk=1`
// (and `idle=<minutes>` for a kiosk's idle reset, `profile=<name>` for a bank profile served beside
// the bundle as profiles/<name>.json: config/profile.h). The page hands location.search to the wasm
// unchanged; this parses and validates it. A value that is not understood is never guessed at:
// the default is used and a problem is recorded, for the console to say which and why.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "demo/scenarios.h"
#include "text/catalogue.h"

namespace cp {

// A kiosk's idle reset (docs/domain.md, "Every other number").
inline constexpr double kDefaultIdleMinutes = 5.0;
inline constexpr double kMinIdleMinutes = 0.1;  // 6 s: short enough for a test, long enough to read
inline constexpr double kMaxIdleMinutes = 24 * 60;

enum class LinkProblemKind : std::uint8_t {
    UnknownScenario = 0,   // scenario=<not an id of scenarios()>: the saved world (or the seed) is used
    BadLanguage,           // lang= not a tag of ja / en (parse_language_tag): Japanese
    BadSwitch,             // guide= / kiosk= other than 0 / 1: off
    BadIdleMinutes,        // idle= not minutes (up to two decimals) in 0.1…1440: the default
    UnknownParameter,      // a name this page does not read: ignored
    BadProfileName,        // profile= not a name of profile_name_valid(): the default profile (brand.json)
    Count_
};

struct LinkProblem {
    LinkProblemKind kind = LinkProblemKind::UnknownParameter;
    std::string name;      // the parameter, decoded
    std::string value;     // its value as given, decoded (shown back to the person)
    bool operator==(const LinkProblem&) const = default;
};

struct LinkParams {
    const Scenario* scenario = nullptr;  // nullptr: none asked for (continue the saved world)
    bool language_asked = false;         // lang= given, valid or not: `language` is what is shown
    bool has_language = false;           // lang= given and valid (parse_language_tag)
    Language language = Language::Japanese;
    bool guide = false;
    bool kiosk = false;
    double idle_minutes = kDefaultIdleMinutes;  // kiosk: idle time before the reset to the scenario
    std::string profile;                 // profile=: a valid name (profiles/<name>.json), or empty
    std::vector<LinkProblem> problems;   // in the order met
};

// `search` is location.search: "" or "?a=b&c=d" (the leading '?' is optional). Percent escapes
// and '+' are decoded; a repeated parameter: the last one wins.
LinkParams parse_link_params(std::string_view search);

// A profile's name in a link: 1 to 32 of a-z, 0-9 and '-', starting with a letter or a digit — so
// profiles/<name>.json is always a file beside the bundle, on the page's own origin (no '/', '.',
// '%', ':' or '\\' can reach the URL the page fetches).
bool profile_name_valid(std::string_view name);
// The path the page fetches for a valid name, relative to the page: "profiles/<name>.json".
std::string profile_path(std::string_view name);

// The catalogue text that explains a problem (a format with the parameter and value: %s, %s).
TextId link_problem_text(LinkProblemKind kind);

}  // namespace cp
