// certportal core: a strict JSON parser for the configuration files people edit by hand (the
// profile: web/brand.json, web/profiles/*.json), keeping where each value was written so that a
// mistake can be reported with its place (line and column).
//
// RFC 8259: objects, arrays, strings (\uXXXX escapes and surrogate pairs; the bytes must be valid
// UTF-8: overlongs and encoded surrogates are refused), numbers (kept as written), true, false,
// null. A duplicate key, trailing garbage, nesting deeper than kJsonMaxDepth and inputs larger
// than kJsonMaxBytes are errors; the error carries the byte offset and says what was expected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cp {

struct JsonMember;

struct JsonValue {
    enum class Kind : std::uint8_t { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    std::size_t offset = 0;          // byte offset of the value's first character
    bool boolean = false;            // Bool
    std::string text;                // String: the UTF-8 value; Number: as written ("90", "-1.5e3")
    std::vector<JsonValue> items;    // Array
    std::vector<JsonMember> members; // Object, in the file's order
};

struct JsonMember {
    std::string key;
    std::size_t key_offset = 0;  // byte offset of the key's opening quote
    JsonValue value;
};

// What a person reads of a value's kind in a mistake: "a string", "a number", "an object", ...
const char* json_kind_name(JsonValue::Kind kind);

// A number written as a whole number without sign, fraction or exponent that fits `out`.
bool json_unsigned(const JsonValue& value, std::uint32_t& out);

struct JsonParseResult {
    bool ok = false;
    JsonValue value;               // the top-level object when ok
    std::string error;             // empty when ok
    std::size_t error_offset = 0;  // byte offset of the problem
};

// Inputs larger than this are refused before parsing (configuration files are small).
inline constexpr std::size_t kJsonMaxBytes = 256 * 1024;
inline constexpr int kJsonMaxDepth = 16;

// Parses a document whose top level is an object ("expected '{'" otherwise). A UTF-8 byte order
// mark at the start is tolerated (editors on Windows write one).
JsonParseResult parse_json_object(std::string_view input);

// 1-based line and column (in characters, not bytes) of `offset` in `input`: a mistake's place.
struct TextPlace {
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPlace text_place(std::string_view input, std::size_t offset);

}  // namespace cp
