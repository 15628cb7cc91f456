#include "bank/audit_log.h"

#include <gtest/gtest.h>

#include "bank_test_support.h"

namespace {

TEST(Audit, EveryOperationIsLoggedWithTimeActorTargetResult) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    const std::size_t before = bank.state().audit.entries().size();
    EXPECT_EQ(bank.check_contract_pin("wrongpin1"), cp::BankResult::WrongContractPin);
    const cp::AuditEntry& e = bank.state().audit.entries().back();
    EXPECT_EQ(bank.state().audit.entries().size(), before + 1);
    EXPECT_EQ(e.time, bank.now());
    EXPECT_EQ(e.actor, "admin");
    EXPECT_EQ(e.action, cp::AuditAction::ContractPinCheck);
    EXPECT_EQ(e.target, "00009876543");
    EXPECT_EQ(e.result, cp::BankResult::WrongContractPin);
}

TEST(Audit, ChainVerifies) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    (void)bank.check_contract_pin(cp::kSeedSecrets.contract_pin);
    (void)bank.advance_time(cp::days(40));
    EXPECT_GT(bank.state().audit.entries().size(), 3u);
    EXPECT_TRUE(bank.state().audit.verify());
}

TEST(Audit, TamperingIsDetected) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    (void)bank.check_contract_pin("wrongpin1");
    (void)bank.check_contract_pin(cp::kSeedSecrets.contract_pin);
    (void)bank.advance_time(60);
    const cp::AuditLog good = bank.state().audit;
    ASSERT_TRUE(good.verify());
    const std::size_t n = good.entries().size();

    cp::AuditLog edited = good;  // a failure rewritten as a success
    edited.mutable_entries_for_tests()[n - 3].result = cp::BankResult::Ok;
    EXPECT_EQ(edited.first_invalid(), n - 3);

    cp::AuditLog removed = good;  // an entry deleted
    removed.mutable_entries_for_tests().erase(removed.mutable_entries_for_tests().begin() + 1);
    EXPECT_EQ(removed.first_invalid(), 1u);

    cp::AuditLog rehashed = good;  // an entry edited and its own hash recomputed: the next one breaks
    auto& entries = rehashed.mutable_entries_for_tests();
    entries[1].actor = "someone";
    entries[1].hash = cp::audit_chain_hash(entries[1], entries[0].hash);
    EXPECT_EQ(rehashed.first_invalid(), 2u);

    cp::AuditLog swapped = good;  // reordered
    std::swap(swapped.mutable_entries_for_tests()[0], swapped.mutable_entries_for_tests()[1]);
    EXPECT_EQ(swapped.first_invalid(), 0u);
}

TEST(Audit, NamesForEveryAction) {
    for (int i = 0; i < static_cast<int>(cp::AuditAction::Count_); ++i)
        EXPECT_STRNE(cp::audit_action_name(static_cast<cp::AuditAction>(i)), "?");
    for (int i = 0; i < static_cast<int>(cp::BankResult::Count_); ++i)
        EXPECT_STRNE(cp::bank_result_name(static_cast<cp::BankResult>(i)), "?");
}

}  // namespace
