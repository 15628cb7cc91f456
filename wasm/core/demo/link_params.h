// certportal demo: what a shared link carries — `?scenario=<id>&lang=ja|en&guide=1&kiosk=1`
// (and `idle=<minutes>` for a kiosk's idle reset). The page hands location.search to the wasm
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
    std::vector<LinkProblem> problems;   // in the order met
};

// `search` is location.search: "" or "?a=b&c=d" (the leading '?' is optional). Percent escapes
// and '+' are decoded; a repeated parameter: the last one wins.
LinkParams parse_link_params(std::string_view search);

// The catalogue text that explains a problem (a format with the parameter and value: %s, %s).
TextId link_problem_text(LinkProblemKind kind);

}  // namespace cp
