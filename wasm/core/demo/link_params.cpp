#include "demo/link_params.h"

namespace cp {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// application/x-www-form-urlencoded: '+' is a space, %XX a byte; a broken escape stays as typed.
std::string decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool parse_switch(const std::string& value, bool& out) {
    if (value == "1") out = true;
    else if (value == "0") out = false;
    else return false;
    return true;
}

// "5", "0.5", "12.25": digits, at most two decimals; in kMinIdleMinutes…kMaxIdleMinutes.
bool parse_minutes(const std::string& value, double& out) {
    const std::size_t dot = value.find('.');
    const std::string whole = value.substr(0, dot);
    const std::string part = dot == std::string::npos ? std::string() : value.substr(dot + 1);
    if (whole.empty() || whole.size() > 4 || part.size() > 2 || (dot != std::string::npos && part.empty())) return false;
    int w = 0, f = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return false;
        w = w * 10 + (c - '0');
    }
    for (char c : part) {
        if (c < '0' || c > '9') return false;
        f = f * 10 + (c - '0');
    }
    const double minutes = w + (part.size() == 1 ? f / 10.0 : f / 100.0);
    if (minutes < kMinIdleMinutes || minutes > kMaxIdleMinutes) return false;
    out = minutes;
    return true;
}

void apply(LinkParams& p, const std::string& name, const std::string& value) {
    // A repeated name: the last value wins, and what was said about an earlier one no longer holds.
    std::erase_if(p.problems, [&](const LinkProblem& q) { return q.name == name; });
    auto problem = [&](LinkProblemKind kind) { p.problems.push_back({kind, name, value}); };
    if (name == "scenario") {
        p.scenario = find_scenario(value);
        if (p.scenario == nullptr) problem(LinkProblemKind::UnknownScenario);
    } else if (name == "lang") {
        p.language_asked = true;
        p.has_language = parse_language_tag(value, p.language);
        if (!p.has_language) {
            p.language = Language::Japanese;
            problem(LinkProblemKind::BadLanguage);
        }
    } else if (name == "guide" || name == "kiosk") {
        bool& flag = name == "guide" ? p.guide : p.kiosk;
        if (!parse_switch(value, flag)) {
            flag = false;
            problem(LinkProblemKind::BadSwitch);
        }
    } else if (name == "idle") {
        if (!parse_minutes(value, p.idle_minutes)) {
            p.idle_minutes = kDefaultIdleMinutes;
            problem(LinkProblemKind::BadIdleMinutes);
        }
    } else if (name == "profile") {
        p.profile = profile_name_valid(value) ? value : std::string();
        if (p.profile.empty()) problem(LinkProblemKind::BadProfileName);
    } else {
        problem(LinkProblemKind::UnknownParameter);
    }
}

}  // namespace

LinkParams parse_link_params(std::string_view search) {
    LinkParams p;
    if (!search.empty() && search.front() == '?') search.remove_prefix(1);
    while (!search.empty()) {
        const std::size_t amp = search.find('&');
        const std::string_view pair = search.substr(0, amp);
        search = amp == std::string_view::npos ? std::string_view() : search.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const std::string name = decode(pair.substr(0, eq));
        const std::string value = eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
        apply(p, name, value);
    }
    return p;
}

bool profile_name_valid(std::string_view name) {
    if (name.empty() || name.size() > 32 || name.front() == '-') return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

std::string profile_path(std::string_view name) { return "profiles/" + std::string(name) + ".json"; }

TextId link_problem_text(LinkProblemKind kind) {
    switch (kind) {
    case LinkProblemKind::UnknownScenario: return TextId::LinkUnknownScenario;
    case LinkProblemKind::BadLanguage: return TextId::LinkBadLanguage;
    case LinkProblemKind::BadSwitch: return TextId::LinkBadSwitch;
    case LinkProblemKind::BadIdleMinutes: return TextId::LinkBadIdleMinutes;
    case LinkProblemKind::UnknownParameter: return TextId::LinkUnknownParameter;
    case LinkProblemKind::BadProfileName: return TextId::LinkBadProfileName;
    case LinkProblemKind::Count_: break;
    }
    return TextId::LinkUnknownParameter;
}

}  // namespace cp
