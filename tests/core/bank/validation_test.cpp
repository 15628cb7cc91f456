#include "bank/validation.h"

#include <gtest/gtest.h>

namespace {

using cp::InputError;

TEST(Validation, ContractIdIsElevenHalfWidthDigits) {
    EXPECT_EQ(cp::validate_contract_id("00009876543"), InputError::None);
    EXPECT_EQ(cp::validate_contract_id(""), InputError::Empty);
    EXPECT_EQ(cp::validate_contract_id("0000987654"), InputError::NotElevenDigits);
    EXPECT_EQ(cp::validate_contract_id("000098765430"), InputError::NotElevenDigits);
    EXPECT_EQ(cp::validate_contract_id("0000987654a"), InputError::NotDigits);
    EXPECT_EQ(cp::validate_contract_id("０００09876543"), InputError::FullWidthCharacters);
}

TEST(Validation, UserIdIsOneToThirtyLettersAndDigits) {
    EXPECT_EQ(cp::validate_user_id("S0001"), InputError::None);
    EXPECT_EQ(cp::validate_user_id(std::string(30, 'a')), InputError::None);
    EXPECT_EQ(cp::validate_user_id(std::string(31, 'a')), InputError::TooLong);
    EXPECT_EQ(cp::validate_user_id("S-0001"), InputError::ForbiddenCharacter);
    EXPECT_EQ(cp::validate_user_id("Ｓ0001"), InputError::FullWidthCharacters);
    EXPECT_EQ(cp::validate_user_id(""), InputError::Empty);
}

TEST(Validation, ContractPinRules) {
    EXPECT_EQ(cp::validate_contract_pin("shinkin01"), InputError::None);
    EXPECT_EQ(cp::validate_contract_pin("ab(1)#?_"), InputError::None);
    EXPECT_EQ(cp::validate_contract_pin("ab1"), InputError::TooShort);
    EXPECT_EQ(cp::validate_contract_pin("abcdefghij123"), InputError::TooLong);
    EXPECT_EQ(cp::validate_contract_pin("123456"), InputError::DigitsOnly);
    EXPECT_EQ(cp::validate_contract_pin("abcdef"), InputError::LettersOnly);
    EXPECT_EQ(cp::validate_contract_pin("abc 123"), InputError::ForbiddenCharacter);
    EXPECT_EQ(cp::validate_contract_pin("abc!123"), InputError::ForbiddenCharacter);
}

TEST(Validation, UserPinNeedsLettersAndDigits) {
    EXPECT_EQ(cp::validate_user_pin("taro0001"), InputError::None);
    EXPECT_EQ(cp::validate_user_pin("tarotaro"), InputError::NeedsLettersAndDigits);
    EXPECT_EQ(cp::validate_user_pin("12345678"), InputError::NeedsLettersAndDigits);
    EXPECT_EQ(cp::validate_user_pin("taro01@"), InputError::ForbiddenCharacter);
    EXPECT_EQ(cp::validate_user_pin("ta01"), InputError::TooShort);
    EXPECT_EQ(cp::validate_user_pin("taro012345678"), InputError::TooLong);
}

TEST(Validation, OneTimePasswordAndCardAnswer) {
    EXPECT_EQ(cp::validate_one_time_password("123456"), InputError::None);
    EXPECT_EQ(cp::validate_one_time_password("12345"), InputError::NotSixDigits);
    EXPECT_EQ(cp::validate_one_time_password("12345x"), InputError::NotDigits);
    EXPECT_EQ(cp::validate_card_answer("89"), InputError::None);
    EXPECT_EQ(cp::validate_card_answer("8"), InputError::NotTwoDigits);
    EXPECT_EQ(cp::validate_card_answer("８９"), InputError::FullWidthCharacters);
}

TEST(Validation, UserNameIsUtf8WithoutControls) {
    EXPECT_EQ(cp::validate_user_name("しんきん 太郎 1"), InputError::None);
    EXPECT_EQ(cp::validate_user_name("a\nb"), InputError::ControlCharacter);
    EXPECT_EQ(cp::validate_user_name("\xff"), InputError::InvalidUtf8);
    EXPECT_EQ(cp::validate_user_name(""), InputError::Empty);
}

TEST(Validation, EveryErrorHasAName) {
    for (int i = 0; i < static_cast<int>(InputError::Count_); ++i)
        EXPECT_STRNE(cp::input_error_name(static_cast<InputError>(i)), "?");
}

}  // namespace
