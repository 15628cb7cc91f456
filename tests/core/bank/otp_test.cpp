#include "bank/totp.h"

#include <gtest/gtest.h>

#include "bank_test_support.h"

namespace {

const std::string kRfcKey = "12345678901234567890";
std::span<const std::uint8_t> rfc_key() { return {reinterpret_cast<const std::uint8_t*>(kRfcKey.data()), kRfcKey.size()}; }

TEST(Otp, Rfc4226HotpVectors) {
    const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                              "254676", "287922", "162583", "399871", "520489"};
    for (std::uint64_t i = 0; i < 10; ++i) EXPECT_EQ(cp::hotp_code(rfc_key(), i, 6), expected[i]) << i;
}

TEST(Otp, Rfc6238TotpSha1Vectors) {
    struct V { cp::SimTime t; const char* code; };
    const V vectors[] = {{59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
                         {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    for (const auto& v : vectors) EXPECT_EQ(cp::totp_code(rfc_key(), v.t, 8), v.code) << v.t;
}

cp::TotpToken rfc_token() {
    cp::TotpToken t;
    t.key = cp::pki::SecretBytes(rfc_key());
    return t;
}

TEST(Otp, AcceptsCurrentAndPreviousStepOnly) {
    cp::TotpToken t = rfc_token();
    const cp::SimTime now = 1111111111;
    EXPECT_EQ(cp::totp_verify(t, cp::totp_code(t.key.view(), now - 30), now), cp::TotpCheck::Accepted);
    cp::TotpToken t2 = rfc_token();
    EXPECT_EQ(cp::totp_verify(t2, cp::totp_code(t2.key.view(), now - 60), now), cp::TotpCheck::Wrong);
    EXPECT_EQ(cp::totp_verify(t2, cp::totp_code(t2.key.view(), now + 30), now), cp::TotpCheck::Wrong);
}

TEST(Otp, CodeOnceAcceptedCannotBeReused) {
    cp::TotpToken t = rfc_token();
    const cp::SimTime now = 1234567890;
    const std::string code = cp::totp_code(t.key.view(), now);
    EXPECT_EQ(cp::totp_verify(t, code, now), cp::TotpCheck::Accepted);
    EXPECT_EQ(cp::totp_verify(t, code, now + 5), cp::TotpCheck::Reused);
    // Even in the next step, where the old code is still "the previous step".
    EXPECT_EQ(cp::totp_verify(t, code, now + 30), cp::TotpCheck::Reused);
    // The next code works.
    EXPECT_EQ(cp::totp_verify(t, cp::totp_code(t.key.view(), now + 30), now + 30), cp::TotpCheck::Accepted);
}

TEST(Otp, BankCountsWrongCodesTowardUserLockout) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    for (std::uint32_t i = 1; i < bank.state().config.user_lockout_count; ++i)
        EXPECT_EQ(bank.check_one_time_password("S0001", "000000"), cp::BankResult::WrongOneTimePassword);
    EXPECT_EQ(bank.check_one_time_password("S0001", "000000"), cp::BankResult::UserSuspended);
    EXPECT_TRUE(tb.user("S0001").suspended);
}

TEST(Otp, BankRejectsReuseAndMalformedCodes) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    const std::string code = bank.token_display("S0001");
    ASSERT_EQ(code.size(), 6u);
    EXPECT_EQ(bank.check_one_time_password("S0001", code), cp::FlowResult::Ok);
    EXPECT_EQ(bank.check_one_time_password("S0001", code), cp::BankResult::OneTimePasswordReused);
    EXPECT_EQ(bank.check_one_time_password("S0001", "12a456"), cp::BankResult::InvalidInput);
    EXPECT_EQ(bank.last_input_error(), cp::InputError::NotDigits);
    EXPECT_EQ(tb.user("S0001").pin_failures, 0u);  // reuse and format errors are not guesses
    ASSERT_EQ(bank.advance_time(30), cp::FlowResult::Ok);
    EXPECT_EQ(bank.check_one_time_password("S0001", bank.token_display("S0001")), cp::FlowResult::Ok);
}

TEST(Otp, UserWithoutTokenIsToldToRegisterOne) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    EXPECT_EQ(bank.token_display("S0002"), "");
    EXPECT_EQ(bank.check_one_time_password("S0002", "123456"), cp::BankResult::NoTokenRegistered);
    EXPECT_EQ(bank.register_token("S0002", "wrongpin1"), cp::BankResult::WrongConfirmationPin);
    EXPECT_EQ(bank.register_token("S0002", cp::kSeedSecrets.confirmation_pin), cp::FlowResult::Ok);
    EXPECT_EQ(bank.check_one_time_password("S0002", bank.token_display("S0002")), cp::FlowResult::Ok);
}

}  // namespace
