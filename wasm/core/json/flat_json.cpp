#include "json/flat_json.h"

#include <cstdint>

namespace cp {
namespace {

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    FlatJsonResult run() {
        FlatJsonResult r;
        if (s_.size() > kFlatJsonMaxBytes) return fail(r, "input is larger than 64 KiB");
        // A UTF-8 byte order mark is tolerated: editors on Windows write one.
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        skip_ws();
        if (!eat('{')) return fail(r, "expected '{' at the start of the object");
        skip_ws();
        if (eat('}')) return finish(r);
        for (;;) {
            skip_ws();
            std::string key;
            if (!string(key)) return fail(r, error_.empty() ? "expected a string key" : error_);
            skip_ws();
            if (!eat(':')) return fail(r, "expected ':' after the key");
            skip_ws();
            std::string value;
            if (peek() != '"') return fail(r, "expected a string value (only strings are allowed)");
            if (!string(value)) return fail(r, error_);
            if (!r.values.emplace(std::move(key), std::move(value)).second)
                return fail(r, "duplicate key");
            skip_ws();
            if (eat(',')) continue;
            if (eat('}')) return finish(r);
            return fail(r, "expected ',' or '}'");
        }
    }

private:
    FlatJsonResult& fail(FlatJsonResult& r, std::string message) {
        r.ok = false;
        r.values.clear();
        r.error = std::move(message);
        r.error_offset = pos_;
        return r;
    }
    FlatJsonResult& finish(FlatJsonResult& r) {
        skip_ws();
        if (pos_ != s_.size()) return fail(r, "unexpected characters after the object");
        r.ok = true;
        return r;
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

FlatJsonResult parse_flat_json(std::string_view input) { return Parser(input).run(); }

}  // namespace cp
