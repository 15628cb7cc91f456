// certportal core: a bank profile — one JSON file that makes the portal another bank: its names
// (config/brand.h), its policy (config/policy.h: the numbers of BankConfig that are a bank's
// choice) and its copy deck (the wording of any catalogue text, by the text's id, per language).
// web/brand.json is the default profile; web/profiles/NAME.json are others, chosen by a link's
// ?profile=NAME. README.md ("Bank profiles") documents the format with an example.
//
//   {
//     "_comment": "keys starting with _ are ignored",
//     "bank_name_ja": "みらい信用金庫", ...                        the brand, as brand.json always had it
//     "policy": {"pickup_window_days": 90, "contract_lockout_count": 5, ...},
//     "copy": {"ja": {"TopUserLogin": "利用者の ログイン"}, "en": {...}}
//   }
//
// Every mistake is listed with its place (the file, line and column, and the key's path) and what
// was kept instead; nothing a person can write gives a blank screen: a field refused keeps its
// default, a text refused keeps the catalogue's, a file that does not parse (not JSON, not UTF-8)
// gives the seeds' profile. The copy deck's rules, for each text: at most copy_limit() characters,
// the same printf placeholders in the same order as the catalogue's (the screens format with them),
// no control character but a line break, no "##" (Dear ImGui would hide what follows), not empty.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bank/bank_config.h"
#include "config/brand.h"
#include "text/catalogue.h"

namespace cp {

struct Profile {
    BrandConfig brand = default_brand();
    BankConfig policy;  // only the policy fields (config/policy.h) are the profile's
    CopyDeck copy;
};

struct ProfileParseResult {
    Profile profile;                     // defaults where the file is silent or wrong
    std::vector<std::string> problems;   // one line per mistake, in the file's order; empty: all taken
};

// Reads a profile's bytes as served. `source` names the file in the mistakes ("brand.json",
// "profiles/mirai.json").
ProfileParseResult parse_profile_json(std::string_view bytes, std::string_view source = "brand.json");

// The most characters (code points) a copy deck's text may have for `id` in `language`: twice the
// catalogue's text, plus 16 (so a two-character label may grow to a short phrase).
std::size_t copy_limit(TextId id, Language language);

// Why `wording` cannot stand for `id` in `language` (empty: it can). The rules above.
std::string copy_problem(TextId id, Language language, std::string_view wording);

}  // namespace cp
