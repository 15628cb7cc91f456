// certportal bank: validation of everything a person types, before the bank looks at it.
// Each check returns a reason code; the UI maps it to a catalogue entry (validation_error_name()
// is the intended TextId suffix). Rules: docs/domain.md (the seeds are silent on formats).
//   契約者ID            11 half-width digits (printed on the お客様カード)
//   利用者ID            1-30 half-width letters and digits
//   ご契約先(確認)暗証番号 6-12 half-width letters, digits and ( ) . - / { } , # < > * % @ + ; = ? _ ;
//                       digits only or letters only is rejected
//   利用者暗証番号       6-12 half-width letters and digits, both present, case-sensitive
//   ワンタイムパスワード 6 half-width digits
//   確認用パスワード      2 half-width digits per symbol
//   利用者名             1-30 characters (UTF-8), no control characters
#pragma once

#include <cstdint>
#include <string_view>

namespace cp {

enum class InputError : std::uint8_t {
    None = 0,
    Empty,
    TooShort,
    TooLong,
    FullWidthCharacters,    // 全角: the fields are half-width only
    NotDigits,              // a digits-only field has something else
    NotElevenDigits,        // 契約者ID
    NotSixDigits,           // one-time password
    NotTwoDigits,           // card answer
    ForbiddenCharacter,     // outside the allowed set
    DigitsOnly,             // a PIN of digits only
    LettersOnly,            // a PIN of letters only
    NeedsLettersAndDigits,  // a user PIN without both
    ControlCharacter,
    InvalidUtf8,
    Mismatch,               // a value typed twice differs (a new password and its confirmation)
    Count_
};

const char* input_error_name(InputError error);

InputError validate_contract_id(std::string_view s);
InputError validate_user_id(std::string_view s);
InputError validate_contract_pin(std::string_view s);       // ご契約先暗証番号 and ご契約先確認暗証番号
InputError validate_user_pin(std::string_view s);           // 利用者暗証番号 and 利用者確認暗証番号
InputError validate_one_time_password(std::string_view s);
InputError validate_card_answer(std::string_view s);
InputError validate_user_name(std::string_view s);

}  // namespace cp
