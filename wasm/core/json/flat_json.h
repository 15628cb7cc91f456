// certportal core: a strict parser for flat JSON objects whose values are all strings,
// e.g. {"bank_name_ja": "大阪シティ信用金庫", "bank_name_en": "Osaka City Shinkin Bank"}.
//
// Used for configuration files that people edit by hand (web/brand.json), so errors carry the
// byte offset and say what was expected. RFC 8259 string syntax, including \uXXXX escapes and
// surrogate pairs; duplicate keys, non-string values and trailing garbage are errors.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace cp {

struct FlatJsonResult {
    bool ok = false;
    std::map<std::string, std::string> values;  // key -> UTF-8 value
    std::string error;                          // empty when ok
    std::size_t error_offset = 0;               // byte offset of the problem
};

// Inputs larger than this are refused before parsing (configuration files are small).
inline constexpr std::size_t kFlatJsonMaxBytes = 64 * 1024;

FlatJsonResult parse_flat_json(std::string_view input);

}  // namespace cp
