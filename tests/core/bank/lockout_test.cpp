// Lockout: 所定回数 of wrong secrets. Contract secrets lock the contract (admin and every user);
// user PINs put the user in 利用中止. Only the branch unlocks a contract.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bank_test_support.h"
#include "procedures/user_login.h"

namespace {

using cp::BankResult;
using cp::FlowResult;

void lock_contract(cp::Bank& bank) {
    for (std::uint32_t i = 0; i < bank.state().config.contract_lockout_count; ++i)
        (void)bank.check_contract_pin("wrongpin1");
}

TEST(Lockout, ContractPinLocksAfterConfiguredCount) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    EXPECT_EQ(bank.state().config.contract_lockout_count, 6u);
    for (std::uint32_t i = 1; i < 6; ++i) {
        EXPECT_EQ(bank.check_contract_pin("wrongpin1"), BankResult::WrongContractPin);
        EXPECT_EQ(bank.contract_pin_tries_left(), 6 - i);
    }
    EXPECT_EQ(bank.check_contract_pin("wrongpin1"), BankResult::ContractLocked);
    EXPECT_TRUE(bank.state().contract.locked);
    // The right PIN no longer helps.
    EXPECT_EQ(bank.check_contract_pin(cp::kSeedSecrets.contract_pin), BankResult::ContractLocked);
}

TEST(Lockout, CountIsConfigurable) {
    cp::BankConfig config = cp::test::fast_config();
    config.contract_lockout_count = 3;
    cp::test::TestBank tb(cp::Preset::SeedWorld, 42, config);
    EXPECT_EQ(tb.bank->check_contract_pin("wrongpin1"), BankResult::WrongContractPin);
    EXPECT_EQ(tb.bank->check_contract_pin("wrongpin1"), BankResult::WrongContractPin);
    EXPECT_EQ(tb.bank->check_contract_pin("wrongpin1"), BankResult::ContractLocked);
}

TEST(Lockout, SuccessResetsConsecutiveCount) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    for (int i = 0; i < 5; ++i) (void)bank.check_contract_pin("wrongpin1");
    EXPECT_EQ(bank.check_contract_pin(cp::kSeedSecrets.contract_pin), FlowResult::Ok);
    EXPECT_EQ(bank.check_contract_pin("wrongpin1"), BankResult::WrongContractPin);
    EXPECT_FALSE(bank.state().contract.locked);
}

// PINs that can never be valid: refused by their form, never a try (docs/domain.md, "PINs,
// formats and what a try costs"). A wrong PIN of valid form still costs one.
const std::vector<std::string>& pins_the_form_refuses() {
    static const std::vector<std::string> pins = {
        "123",                                  // too short
        "\xF0\x9F\x94\x91\xF0\x9F\x94\x91" "abc123",  // emoji
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D" "abc123",  // right-to-left letters (Hebrew)
        std::string(10 * 1024, 'a') + "1",     // 10 KB
        "abc def123",                          // a space
    };
    return pins;
}

TEST(Lockout, PinsTheFormRefusesCostNoTry) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    for (const std::string& pin : pins_the_form_refuses()) {
        EXPECT_EQ(bank.check_contract_pin(pin), BankResult::InvalidInput) << pin.substr(0, 20);
        EXPECT_NE(bank.last_input_error(), cp::InputError::None);
        EXPECT_EQ(bank.check_confirmation_pin(pin), BankResult::InvalidInput) << pin.substr(0, 20);
        EXPECT_EQ(bank.check_user_credentials("00009876543", "S0001", pin), BankResult::InvalidInput) << pin.substr(0, 20);
        EXPECT_EQ(bank.check_user_pin("S0002", pin), BankResult::InvalidInput) << pin.substr(0, 20);
    }
    EXPECT_EQ(bank.state().contract.contract_pin_failures, 0u);
    EXPECT_EQ(bank.state().contract.confirmation_pin_failures, 0u);
    EXPECT_EQ(bank.find_user("S0001")->pin_failures, 0u);
    EXPECT_EQ(bank.find_user("S0002")->pin_failures, 0u);
    EXPECT_EQ(bank.contract_pin_tries_left(), 6u);
    // Of valid form but wrong: one try each.
    EXPECT_EQ(bank.check_contract_pin("wrongpin1"), BankResult::WrongContractPin);
    EXPECT_EQ(bank.state().contract.contract_pin_failures, 1u);
    EXPECT_EQ(bank.check_confirmation_pin("wrongpin1"), BankResult::WrongConfirmationPin);
    EXPECT_EQ(bank.state().contract.confirmation_pin_failures, 1u);
    EXPECT_EQ(bank.check_user_credentials("00009876543", "S0001", "wrongpin1"), BankResult::WrongUserPin);
    EXPECT_EQ(bank.find_user("S0001")->pin_failures, 1u);
    EXPECT_EQ(bank.check_contract_pin(""), BankResult::InvalidInput);
    EXPECT_EQ(bank.state().contract.contract_pin_failures, 1u);
}

TEST(Lockout, ContractLockLocksAdminAndEveryUser) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    lock_contract(bank);
    cp::AdminLogin admin(bank, tb.admin_pc.services());
    EXPECT_EQ(cp::test::choose(admin, tb.admin_cert()), BankResult::ContractLocked);
    EXPECT_EQ(bank.check_user_credentials("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), BankResult::ContractLocked);
    EXPECT_EQ(bank.check_user_credentials("00009876543", "S0002", cp::kSeedSecrets.s0002_pin), BankResult::ContractLocked);
    cp::UserLogin user(bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(user, tb.user_cert("S0002")), BankResult::ContractLocked);
    EXPECT_EQ(bank.check_one_time_password("S0001", bank.token_display("S0001")), BankResult::ContractLocked);
    EXPECT_EQ(bank.check_confirmation_pin(cp::kSeedSecrets.confirmation_pin), BankResult::ContractLocked);
}

TEST(Lockout, ConfirmationPinLocksTheContractToo) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(bank.apply_user_certificate_action("S0001", cp::UserCertificateAction::Continue, "wrongpin1"),
                  BankResult::WrongConfirmationPin);
    EXPECT_EQ(bank.apply_user_certificate_action("S0001", cp::UserCertificateAction::Continue, "wrongpin1"),
              BankResult::ContractLocked);
    EXPECT_TRUE(bank.state().contract.locked);
}

TEST(Lockout, OnlyTheBranchUnlocks) {
    cp::test::TestBank tb(cp::Preset::ContractLocked);
    cp::Bank& bank = *tb.bank;
    EXPECT_TRUE(bank.state().contract.locked);
    // Time alone does not unlock.
    ASSERT_EQ(bank.advance_time(cp::days(30)), FlowResult::Ok);
    EXPECT_EQ(bank.check_contract_pin(cp::kSeedSecrets.contract_pin), BankResult::ContractLocked);
    // 暗証番号閉塞解除依頼書
    std::uint32_t id = 0;
    ASSERT_EQ(bank.submit_branch_request(cp::BranchRequestKind::UnlockPins, &id), FlowResult::Ok);
    EXPECT_EQ(bank.submit_branch_request(cp::BranchRequestKind::UnlockPins), BankResult::RequestPending);
    EXPECT_TRUE(bank.state().contract.locked);
    ASSERT_EQ(bank.advance_time(cp::days(bank.state().config.unlock_days)), FlowResult::Ok);
    EXPECT_FALSE(bank.state().contract.locked);
    EXPECT_EQ(bank.state().contract.contract_pin_failures, 0u);
    EXPECT_TRUE(cp::test::has_mail(bank, cp::MailKind::ContractUnlocked));
    EXPECT_EQ(bank.check_contract_pin(cp::kSeedSecrets.contract_pin), FlowResult::Ok);
    EXPECT_EQ(bank.submit_branch_request(cp::BranchRequestKind::UnlockPins), BankResult::RequestNotNeeded);
}

TEST(Lockout, UserPinSuspendsUserAfterSeven) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    for (int i = 1; i < 7; ++i)
        EXPECT_EQ(bank.check_user_credentials("00009876543", "S0001", "wrong0001"), BankResult::WrongUserPin);
    EXPECT_EQ(bank.check_user_credentials("00009876543", "S0001", "wrong0001"), BankResult::UserSuspended);
    EXPECT_TRUE(tb.user("S0001").suspended);
    EXPECT_FALSE(bank.state().contract.locked);  // a user lock does not lock the contract
    EXPECT_EQ(bank.check_user_credentials("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), BankResult::UserSuspended);
    EXPECT_EQ(bank.check_user_credentials("00009876543", "S0002", cp::kSeedSecrets.s0002_pin), FlowResult::Ok);
    // 利用中止解除 by the administrator, with ご契約先確認暗証番号.
    EXPECT_EQ(bank.lift_user_suspension("S0001", "wrongpin1"), BankResult::WrongConfirmationPin);
    EXPECT_EQ(bank.lift_user_suspension("S0001", cp::kSeedSecrets.confirmation_pin), FlowResult::Ok);
    EXPECT_EQ(bank.check_user_credentials("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
}

TEST(Lockout, UnknownContractOrUserDoesNotSayWhich) {
    cp::test::TestBank tb;
    EXPECT_EQ(tb.bank->check_user_credentials("00009876544", "S0001", cp::kSeedSecrets.s0001_pin),
              BankResult::UnknownContractOrUser);
    EXPECT_EQ(tb.bank->check_user_credentials("00009876543", "S0009", cp::kSeedSecrets.s0001_pin),
              BankResult::UnknownContractOrUser);
}

}  // namespace
