#include "bank/customer_card.h"

#include <gtest/gtest.h>

#include "bank_test_support.h"

namespace {

TEST(CustomerCard, SeedCardHasTheSeedsExample) {
    cp::test::TestBank tb;
    const cp::CustomerCard& card = tb.bank->state().contract.card;
    cp::CardChallenge c;
    c.first = static_cast<std::uint8_t>(cp::card_symbol_index("オ"));
    c.second = static_cast<std::uint8_t>(cp::card_symbol_index("ウ"));
    EXPECT_TRUE(cp::card_answers_match(card, c, "89", "45"));
    EXPECT_FALSE(cp::card_answers_match(card, c, "45", "89"));
    EXPECT_FALSE(cp::card_answers_match(card, c, "89", "4"));
}

TEST(CustomerCard, ChallengeAsksTwoDifferentSymbols) {
    cp::SeededRandom random(7);
    for (int i = 0; i < 500; ++i) {
        const cp::CardChallenge c = cp::make_card_challenge(random);
        EXPECT_NE(c.first, c.second);
        EXPECT_LT(c.first, cp::kCardSymbolCount);
        EXPECT_LT(c.second, cp::kCardSymbolCount);
    }
}

TEST(CustomerCard, SymbolsAreKanaInCardOrder) {
    EXPECT_EQ(cp::card_symbols()[0], "ア");
    EXPECT_EQ(cp::card_symbol_index("オ"), 4u);
    EXPECT_EQ(cp::card_symbol_index("ン"), cp::kCardSymbolCount);
}

std::string two_digits(int v) {
    std::string s = std::to_string(v % 100);
    return s.size() == 1 ? "0" + s : s;
}

TEST(CustomerCard, WrongAnswersLockTheContract) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    const std::uint32_t limit = bank.state().config.contract_lockout_count;
    for (std::uint32_t i = 1; i <= limit; ++i) {
        cp::CardChallenge c;
        ASSERT_EQ(bank.new_card_challenge(c), cp::FlowResult::Ok);
        const cp::CustomerCard& card = bank.state().contract.card;
        const std::string wrong = two_digits(card.numbers[c.first] + 1);
        const std::string right = two_digits(card.numbers[c.second]);
        EXPECT_EQ(bank.check_card_answers(c, wrong, right),
                  i < limit ? cp::BankResult::WrongCardAnswer : cp::BankResult::ContractLocked);
    }
    EXPECT_TRUE(bank.state().contract.locked);
    cp::CardChallenge c;
    EXPECT_EQ(bank.new_card_challenge(c), cp::BankResult::ContractLocked);
}

TEST(CustomerCard, RightAnswerResetsTheCount) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    cp::CardChallenge c;
    ASSERT_EQ(bank.new_card_challenge(c), cp::FlowResult::Ok);
    const cp::CustomerCard& card = bank.state().contract.card;
    EXPECT_EQ(bank.check_card_answers(c, two_digits(card.numbers[c.first] + 1), "00"), cp::BankResult::WrongCardAnswer);
    EXPECT_EQ(bank.state().contract.card_failures, 1u);
    EXPECT_EQ(bank.check_card_answers(c, two_digits(card.numbers[c.first]), two_digits(card.numbers[c.second])),
              cp::FlowResult::Ok);
    EXPECT_EQ(bank.state().contract.card_failures, 0u);
}

TEST(CustomerCard, MalformedAnswerIsRejectedWithoutCounting) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    cp::CardChallenge c;
    ASSERT_EQ(bank.new_card_challenge(c), cp::FlowResult::Ok);
    EXPECT_EQ(bank.check_card_answers(c, "8", "45"), cp::BankResult::InvalidInput);
    EXPECT_EQ(bank.last_input_error(), cp::InputError::NotTwoDigits);
    EXPECT_EQ(bank.state().contract.card_failures, 0u);
}

TEST(CustomerCard, LostCardRefusesChallengeAndReissueTakesTwoToThreeWeeks) {
    cp::test::TestBank tb(cp::Preset::CardLost);
    cp::Bank& bank = *tb.bank;
    cp::CardChallenge c;
    EXPECT_EQ(bank.new_card_challenge(c), cp::BankResult::CardLost);
    const cp::CustomerCard old = bank.state().contract.card;
    ASSERT_EQ(bank.submit_branch_request(cp::BranchRequestKind::ReissueCard), cp::FlowResult::Ok);
    const cp::BranchRequest& q = bank.state().branch_requests.back();
    EXPECT_GE(q.ready_at - q.submitted_at, cp::days(14));
    EXPECT_LE(q.ready_at - q.submitted_at, cp::days(21));
    EXPECT_EQ(bank.submit_branch_request(cp::BranchRequestKind::ReissueCard), cp::BankResult::RequestPending);
    ASSERT_EQ(bank.advance_time(cp::days(13)), cp::FlowResult::Ok);
    EXPECT_EQ(bank.new_card_challenge(c), cp::BankResult::CardLost);  // not yet
    ASSERT_EQ(bank.advance_time(cp::days(8)), cp::FlowResult::Ok);
    EXPECT_EQ(bank.new_card_challenge(c), cp::FlowResult::Ok);
    EXPECT_EQ(bank.state().contract.card.generation, old.generation + 1);
    EXPECT_NE(bank.state().contract.card.numbers, old.numbers);  // the table changed with the card
    EXPECT_TRUE(cp::test::has_mail(bank, cp::MailKind::CardReissued));
}

TEST(CustomerCard, ReissueDelayIsConfigurable) {
    cp::BankConfig config = cp::test::fast_config();
    config.card_reissue_min_days = config.card_reissue_max_days = 3;
    cp::test::TestBank tb(cp::Preset::CardLost, 42, config);
    ASSERT_EQ(tb.bank->submit_branch_request(cp::BranchRequestKind::ReissueCard), cp::FlowResult::Ok);
    const cp::BranchRequest& q = tb.bank->state().branch_requests.back();
    EXPECT_EQ(q.ready_at - q.submitted_at, cp::days(3));
}

}  // namespace
