#include "json/json_value.h"

#include <initializer_list>
#include <tuple>

namespace cp {
namespace {

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    JsonParseResult run() {
        JsonParseResult r;
        if (s_.size() > kJsonMaxBytes) return fail(r, "input is larger than 256 KiB");
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        skip_ws();
        if (peek() != '{') return fail(r, "expected '{' at the start of the object");
        if (!value(r.value, 0)) return fail(r, error_);
        skip_ws();
        if (pos_ != s_.size()) return fail(r, "unexpected characters after the object");
        r.ok = true;
        return r;
    }

private:
    JsonParseResult& fail(JsonParseResult& r, std::string message) {
        r = JsonParseResult{};
        r.error = std::move(message);
        r.error_offset = pos_;
        return r;
    }
    bool error(const char* message) {
        error_ = message;
        return false;
    }

    bool value(JsonValue& out, int depth) {
        out.offset = pos_;
        const char c = peek();
        if (c == '{' || c == '[') {
            if (depth >= kJsonMaxDepth) return error("nested too deeply");
            return c == '{' ? object(out, depth + 1) : array(out, depth + 1);
        }
        if (c == '"') {
            out.kind = JsonValue::Kind::String;
            return string(out.text);
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number(out);
        for (const auto& [word, kind, flag] : {std::tuple{"true", JsonValue::Kind::Bool, true},
                                               std::tuple{"false", JsonValue::Kind::Bool, false},
                                               std::tuple{"null", JsonValue::Kind::Null, false}}) {
            const std::string_view w(word);
            if (s_.substr(pos_, w.size()) == w) {
                pos_ += w.size();
                out.kind = kind;
                out.boolean = flag;
                return true;
            }
        }
        return error("expected a value (a string, a number, an object, an array, true, false or null)");
    }

    bool object(JsonValue& out, int depth) {
        out.kind = JsonValue::Kind::Object;
        ++pos_;  // '{'
        skip_ws();
        if (eat('}')) return true;
        for (;;) {
            skip_ws();
            JsonMember m;
            m.key_offset = pos_;
            if (peek() != '"') return error("expected a string key");
            if (!string(m.key)) return false;
            for (const JsonMember& other : out.members)
                if (other.key == m.key) {
                    pos_ = m.key_offset;
                    return error("duplicate key");
                }
            skip_ws();
            if (!eat(':')) return error("expected ':' after the key");
            skip_ws();
            if (!value(m.value, depth)) return false;
            out.members.push_back(std::move(m));
            skip_ws();
            if (eat(',')) continue;
            if (eat('}')) return true;
            return error("expected ',' or '}'");
        }
    }

    bool array(JsonValue& out, int depth) {
        out.kind = JsonValue::Kind::Array;
        ++pos_;  // '['
        skip_ws();
        if (eat(']')) return true;
        for (;;) {
            skip_ws();
            JsonValue item;
            if (!value(item, depth)) return false;
            out.items.push_back(std::move(item));
            skip_ws();
            if (eat(',')) continue;
            if (eat(']')) return true;
            return error("expected ',' or ']'");
        }
    }

    // RFC 8259's number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written.
    bool number(JsonValue& out) {
        const std::size_t start = pos_;
        const auto digits = [this] {
            const std::size_t from = pos_;
            while (peek() >= '0' && peek() <= '9') ++pos_;
            return pos_ > from;
        };
        eat('-');
        if (!eat('0') && !digits()) return error("expected a digit");
        if (eat('.') && !digits()) return error("expected a digit after '.'");
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (!eat('+')) eat('-');
            if (!digits()) return error("expected a digit in the exponent");
        }
        out.kind = JsonValue::Kind::Number;
        out.text = std::string(s_.substr(start, pos_ - start));
        return true;
    }

    char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
    bool eat(char c) {
        if (peek() != c || pos_ >= s_.size()) return false;
        ++pos_;
        return true;
    }
    void skip_ws() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(std::uint32_t& out) {
        if (s_.size() - pos_ < 4) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = s_[pos_++];
            std::uint32_t v;
            if (c >= '0' && c <= '9') v = static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') v = static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v = static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
            out = out * 16 + v;
        }
        return true;
    }

    // Checks one UTF-8 sequence starting at pos_ and copies it (rejects overlongs and surrogates).
    bool utf8_char(std::string& out) {
        const auto b0 = static_cast<unsigned char>(s_[pos_]);
        std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || s_.size() - pos_ < len) return false;
        std::uint32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
        for (std::size_t i = 1; i < len; ++i) {
            const auto b = static_cast<unsigned char>(s_[pos_ + i]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        out.append(s_.substr(pos_, len));
        pos_ += len;
        return true;
    }

    bool string(std::string& out) {
        error_.clear();
        if (!eat('"')) return false;
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                error_ = "control character inside a string";
                return false;
            }
            if (c != '\\') {
                if (!utf8_char(out)) {
                    error_ = "invalid UTF-8 inside a string";
                    return false;
                }
                continue;
            }
            ++pos_;
            const char e = peek();
            ++pos_;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!hex4(cp)) { error_ = "bad \\u escape"; return false; }
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        std::uint32_t lo = 0;
                        if (!eat('\\') || !eat('u') || !hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) {
                            error_ = "unpaired surrogate in \\u escape";
                            return false;
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        error_ = "unpaired surrogate in \\u escape";
                        return false;
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: error_ = "unknown escape in a string"; return false;
            }
        }
        error_ = "unterminated string";
        return false;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    std::string error_;
};

}  // namespace

const char* json_kind_name(JsonValue::Kind kind) {
    switch (kind) {
    case JsonValue::Kind::Null: return "null";
    case JsonValue::Kind::Bool: return "true or false";
    case JsonValue::Kind::Number: return "a number";
    case JsonValue::Kind::String: return "a string";
    case JsonValue::Kind::Array: return "an array";
    case JsonValue::Kind::Object: return "an object";
    }
    return "a value";
}

bool json_unsigned(const JsonValue& value, std::uint32_t& out) {
    if (value.kind != JsonValue::Kind::Number || value.text.empty() || value.text.size() > 10) return false;
    std::uint64_t n = 0;
    for (const char c : value.text) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (n > 0xFFFFFFFFu) return false;
    out = static_cast<std::uint32_t>(n);
    return true;
}

JsonParseResult parse_json_object(std::string_view input) { return Parser(input).run(); }

TextPlace text_place(std::string_view input, std::size_t offset) {
    TextPlace place;
    const std::size_t end = offset < input.size() ? offset : input.size();
    const std::size_t bom = input.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // not a character of line 1
    for (std::size_t i = bom; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(input[i]);
        if (byte == '\n') {
            ++place.line;
            place.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++place.column;  // one per character: a UTF-8 continuation byte is 10xxxxxx
        }
    }
    return place;
}

}  // namespace cp
