#include "config/profile.h"

#include "config/policy.h"
#include "json/json_value.h"

namespace cp {
namespace {

std::size_t characters(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? std::size_t{1} : std::size_t{0};
    return n;
}

// The printf conversions of a text, in order ("%s", "%u", "%%", "%02d", ...): what the screens
// hand to formatf() must find the same ones.
std::vector<std::string> placeholders(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') continue;
        std::size_t j = i + 1;
        while (j < s.size() && std::string_view("-+ #0123456789.lhzjt").find(s[j]) != std::string_view::npos) ++j;
        if (j < s.size()) ++j;  // the conversion's letter (or the second '%')
        out.emplace_back(s.substr(i, j - i));
        i = j - 1;
    }
    return out;
}

// Collects a file's mistakes, each with its place.
class Reader {
public:
    Reader(std::string_view bytes, std::string_view source) : bytes_(bytes), source_(source) {}

    void problem(std::size_t offset, const std::string& path, const std::string& what) {
        const TextPlace at = text_place(bytes_, offset);
        std::string line = std::string(source_) + " line " + std::to_string(at.line) + ", column " +
                           std::to_string(at.column) + ": ";
        if (!path.empty()) line += "\"" + quoted_value(path) + "\": ";
        problems.push_back(line + what);
    }

    std::vector<std::string> problems;

private:
    std::string_view bytes_;
    std::string_view source_;
};

std::string got(const JsonValue& v) {
    if (v.kind == JsonValue::Kind::Number) return v.text;
    if (v.kind == JsonValue::Kind::String) return "\"" + quoted_value(v.text) + "\"";
    return json_kind_name(v.kind);
}

void read_policy(const JsonValue& policy, BankConfig& out, Reader& r) {
    if (policy.kind != JsonValue::Kind::Object) {
        r.problem(policy.offset, "policy", std::string("must be an object of numbers, not ") + json_kind_name(policy.kind) +
                                               "; the default policy is kept");
        return;
    }
    const BankConfig defaults;
    std::vector<const PolicyField*> taken;
    for (const JsonMember& m : policy.members) {
        const std::string path = "policy." + m.key;
        if (!m.key.empty() && m.key[0] == '_') continue;
        const PolicyField* field = find_policy_field(m.key);
        if (field == nullptr) {
            r.problem(m.key_offset, path, "unknown policy field, ignored");
            continue;
        }
        std::uint32_t n = 0;
        if (!json_unsigned(m.value, n) || n < field->min || n > field->max) {
            r.problem(m.value.offset, path,
                      "must be a whole number of " + std::string(field->unit) + " from " + std::to_string(field->min) + " to " +
                          std::to_string(field->max) + " (not " + got(m.value) + "); default " +
                          std::to_string(defaults.*field->member) + " kept");
            continue;
        }
        out.*field->member = n;
        taken.push_back(field);
    }
    for (const PolicyRelation& rel : policy_relations()) {
        const PolicyField& small = *find_policy_field(rel.smaller);
        const PolicyField& large = *find_policy_field(rel.larger);
        if (out.*small.member <= out.*large.member) continue;
        r.problem(policy.offset, "policy",
                  std::string(rel.smaller) + " (" + std::to_string(out.*small.member) + ") must not be more than " + rel.larger +
                      " (" + std::to_string(out.*large.member) + "); both defaults kept");
        out.*small.member = defaults.*small.member;
        out.*large.member = defaults.*large.member;
    }
}

void read_copy(const JsonValue& copy, CopyDeck& out, Reader& r) {
    if (copy.kind != JsonValue::Kind::Object) {
        r.problem(copy.offset, "copy", std::string("must be an object {\"ja\": {...}, \"en\": {...}}, not ") +
                                           json_kind_name(copy.kind) + "; the catalogue's texts are kept");
        return;
    }
    for (const JsonMember& lang : copy.members) {
        if (!lang.key.empty() && lang.key[0] == '_') continue;
        const std::string lang_path = "copy." + lang.key;
        if (lang.key != "ja" && lang.key != "en") {
            r.problem(lang.key_offset, lang_path, "unknown language (ja or en), ignored");
            continue;
        }
        const Language language = lang.key == "en" ? Language::English : Language::Japanese;
        if (lang.value.kind != JsonValue::Kind::Object) {
            r.problem(lang.value.offset, lang_path, std::string("must be an object of texts by id, not ") +
                                                        json_kind_name(lang.value.kind) + "; ignored");
            continue;
        }
        for (const JsonMember& m : lang.value.members) {
            if (!m.key.empty() && m.key[0] == '_') continue;
            const std::string path = lang_path + "." + m.key;
            TextId id{};
            if (!text_id_from_name(m.key, id)) {
                r.problem(m.key_offset, path, "no catalogue text has this id (wasm/core/text/strings.def), ignored");
                continue;
            }
            if (m.value.kind != JsonValue::Kind::String) {
                r.problem(m.value.offset, path, std::string("must be a string, not ") + json_kind_name(m.value.kind) +
                                                    "; the catalogue's text is kept");
                continue;
            }
            const std::string why = copy_problem(id, language, m.value.text);
            if (!why.empty()) {
                r.problem(m.value.offset, path, why + "; the catalogue's text is kept");
                continue;
            }
            out.set(id, language, m.value.text);
        }
    }
}

}  // namespace

std::size_t copy_limit(TextId id, Language language) { return 2 * characters(catalogue_text(id, language)) + 16; }

std::string copy_problem(TextId id, Language language, std::string_view wording) {
    if (wording.empty()) return "must not be empty";
    const std::size_t n = characters(wording);
    const std::size_t limit = copy_limit(id, language);
    if (n > limit) return "at most " + std::to_string(limit) + " characters (this text has " + std::to_string(n) + ")";
    for (const char c : wording) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n') || byte == 0x7F) return "control characters other than a line break are not allowed";
    }
    if (wording.find("##") != std::string_view::npos) return "\"##\" is not allowed (the screens would hide what follows it)";
    const std::vector<std::string> want = placeholders(catalogue_text(id, language));
    if (placeholders(wording) != want) {
        std::string list;
        for (const std::string& p : want) list += (list.empty() ? "" : " ") + p;
        return "must keep the catalogue's placeholders in their order (" + (list.empty() ? std::string("none: no %") : list) + ")";
    }
    return {};
}

ProfileParseResult parse_profile_json(std::string_view bytes, std::string_view source) {
    ProfileParseResult result;
    Reader r(bytes, source);
    const JsonParseResult parsed = parse_json_object(bytes);
    if (!parsed.ok) {
        r.problem(parsed.error_offset, "",
                  parsed.error + "; the whole file is ignored: the default brand, policy and texts are used");
        result.problems = std::move(r.problems);
        return result;
    }
    Profile& p = result.profile;
    for (const JsonMember& m : parsed.value.members) {
        if (!m.key.empty() && m.key[0] == '_') continue;  // comments for the people who edit the file
        if (m.key == "policy") {
            read_policy(m.value, p.policy, r);
            continue;
        }
        if (m.key == "copy") {
            read_copy(m.value, p.copy, r);
            continue;
        }
        std::string rule;
        const bool is_string = m.value.kind == JsonValue::Kind::String;
        BrandConfig scratch;  // a value that is not a string only asks whether the key is the brand's
        const BrandField f = set_brand_field(is_string ? p.brand : scratch, m.key, m.value.text, rule);
        if (f == BrandField::NotABrandKey) {
            r.problem(m.key_offset, m.key, "unknown key, ignored");
        } else if (!is_string) {
            r.problem(m.value.offset, m.key, std::string("must be a string, not ") + json_kind_name(m.value.kind) + "; default kept");
        } else if (f == BrandField::Refused) {
            r.problem(m.value.offset, m.key, "must be " + rule + "; default kept");
        }
    }
    result.problems = std::move(r.problems);
    return result;
}

}  // namespace cp
