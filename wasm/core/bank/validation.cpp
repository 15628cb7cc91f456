#include "bank/validation.h"

#include <cstddef>
#include <cstring>

namespace cp {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool has_non_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

// Counts UTF-8 code points; -1 when the bytes are not valid UTF-8.
long utf8_length(std::string_view s) {
    long n = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return -1;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return -1;
        i += len;
        ++n;
    }
    return n;
}

InputError fixed_digits(std::string_view s, std::size_t count, InputError wrong_length) {
    if (s.empty()) return InputError::Empty;
    if (has_non_ascii(s)) return InputError::FullWidthCharacters;
    for (char c : s)
        if (!is_digit(c)) return InputError::NotDigits;
    return s.size() == count ? InputError::None : wrong_length;
}

}  // namespace

const char* input_error_name(InputError error) {
    switch (error) {
    case InputError::None: return "None";
    case InputError::Empty: return "Empty";
    case InputError::TooShort: return "TooShort";
    case InputError::TooLong: return "TooLong";
    case InputError::FullWidthCharacters: return "FullWidthCharacters";
    case InputError::NotDigits: return "NotDigits";
    case InputError::NotElevenDigits: return "NotElevenDigits";
    case InputError::NotSixDigits: return "NotSixDigits";
    case InputError::NotTwoDigits: return "NotTwoDigits";
    case InputError::ForbiddenCharacter: return "ForbiddenCharacter";
    case InputError::DigitsOnly: return "DigitsOnly";
    case InputError::LettersOnly: return "LettersOnly";
    case InputError::NeedsLettersAndDigits: return "NeedsLettersAndDigits";
    case InputError::ControlCharacter: return "ControlCharacter";
    case InputError::InvalidUtf8: return "InvalidUtf8";
    case InputError::Mismatch: return "Mismatch";
    case InputError::Count_: break;
    }
    return "?";
}

InputError validate_contract_id(std::string_view s) { return fixed_digits(s, 11, InputError::NotElevenDigits); }
InputError validate_one_time_password(std::string_view s) { return fixed_digits(s, 6, InputError::NotSixDigits); }
InputError validate_card_answer(std::string_view s) { return fixed_digits(s, 2, InputError::NotTwoDigits); }

InputError validate_user_id(std::string_view s) {
    if (s.empty()) return InputError::Empty;
    if (has_non_ascii(s)) return InputError::FullWidthCharacters;
    for (char c : s)
        if (!is_digit(c) && !is_letter(c)) return InputError::ForbiddenCharacter;
    return s.size() > 30 ? InputError::TooLong : InputError::None;
}

InputError validate_contract_pin(std::string_view s) {
    static constexpr const char* kSymbols = "().-/{},#<>*%@+;=?_";
    if (s.empty()) return InputError::Empty;
    if (has_non_ascii(s)) return InputError::FullWidthCharacters;
    bool digits_only = true, letters_only = true;
    for (char c : s) {
        const bool symbol = c != '\0' && std::strchr(kSymbols, c) != nullptr;
        if (!is_digit(c) && !is_letter(c) && !symbol) return InputError::ForbiddenCharacter;
        if (!is_digit(c)) digits_only = false;
        if (!is_letter(c)) letters_only = false;
    }
    if (s.size() < 6) return InputError::TooShort;
    if (s.size() > 12) return InputError::TooLong;
    if (digits_only) return InputError::DigitsOnly;
    if (letters_only) return InputError::LettersOnly;
    return InputError::None;
}

InputError validate_user_pin(std::string_view s) {
    if (s.empty()) return InputError::Empty;
    if (has_non_ascii(s)) return InputError::FullWidthCharacters;
    bool digit = false, letter = false;
    for (char c : s) {
        if (is_digit(c)) digit = true;
        else if (is_letter(c)) letter = true;
        else return InputError::ForbiddenCharacter;
    }
    if (s.size() < 6) return InputError::TooShort;
    if (s.size() > 12) return InputError::TooLong;
    return digit && letter ? InputError::None : InputError::NeedsLettersAndDigits;
}

InputError validate_user_name(std::string_view s) {
    if (s.empty()) return InputError::Empty;
    const long n = utf8_length(s);
    if (n < 0) return InputError::InvalidUtf8;
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return InputError::ControlCharacter;
    return n > 30 ? InputError::TooLong : InputError::None;
}

}  // namespace cp
