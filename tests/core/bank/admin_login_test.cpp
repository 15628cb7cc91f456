// 管理者ログオン: certificate choice → ご契約先暗証番号 → 確認用パスワード → 重要なお知らせ → menu.
#include "procedures/admin_login.h"

#include "pc/certificate_enrollment.h"

#include <gtest/gtest.h>

#include "bank_test_support.h"

namespace {

using cp::AdminLogin;
using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;

TEST(AdminLogin, SeedStepsToTheMenu) {
    cp::test::TestBank tb;
    AdminLogin login(*tb.bank, tb.admin_pc.services());
    EXPECT_EQ(login.enter_contract_pin(cp::kSeedSecrets.contract_pin), FlowResult::WrongStep);
    ASSERT_EQ(cp::test::choose(login, tb.admin_cert()), FlowResult::Ok);
    EXPECT_EQ(tb.admin_cert().subject.display_name(), "00009876543 1635");  // 契約者ID + 1635
    ASSERT_EQ(login.enter_contract_pin(cp::kSeedSecrets.contract_pin), FlowResult::Ok);
    ASSERT_EQ(login.step(), AdminLogin::Step::CardChallenge);
    const cp::CardChallenge c = login.challenge();
    ASSERT_EQ(login.answer_card(cp::test::card_answer(*tb.bank, c.first), cp::test::card_answer(*tb.bank, c.second)),
              FlowResult::Ok);
    ASSERT_EQ(login.step(), AdminLogin::Step::Notices);
    const auto& n = login.notices();
    ASSERT_EQ(n.size(), 2u);  // the seed's two: change the contract PIN, change the confirmation PIN
    EXPECT_EQ(n[0], cp::NoticeKind::ChangeContractPin);
    EXPECT_EQ(n[1], cp::NoticeKind::ChangeConfirmationPin);
    ASSERT_EQ(login.acknowledge_notices(false), FlowResult::Ok);
    EXPECT_TRUE(login.logged_in());
    EXPECT_EQ(tb.bank->state().contract.last_admin_login, tb.bank->now());
}

TEST(AdminLogin, HidingNoticesSkipsThemForAWhile) {
    cp::test::TestBank tb;
    AdminLogin first(*tb.bank, tb.admin_pc.services());
    ASSERT_EQ(cp::test::choose(first, tb.admin_cert()), FlowResult::Ok);
    ASSERT_EQ(first.enter_contract_pin(cp::kSeedSecrets.contract_pin), FlowResult::Ok);
    const auto c = first.challenge();
    ASSERT_EQ(first.answer_card(cp::test::card_answer(*tb.bank, c.first), cp::test::card_answer(*tb.bank, c.second)),
              FlowResult::Ok);
    ASSERT_EQ(first.acknowledge_notices(true), FlowResult::Ok);  // 全てのお知らせをしばらく表示しない
    EXPECT_TRUE(tb.bank->admin_notices().empty());
    AdminLogin second(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, second));
    (void)tb.bank->advance_time(cp::days(tb.bank->state().config.notices_hidden_days));
    EXPECT_FALSE(tb.bank->admin_notices().empty());
}

TEST(AdminLogin, UserCertificateIsRefused) {
    // The seed: choosing a user's certificate at 管理者ログイン is an error. On 利用者のパソコン
    // (which holds the user's certificate and whose device key unlocks it).
    cp::test::TestBank tb;
    AdminLogin login(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(login, tb.user_cert("S0001")), BankResult::NotAdminCertificate);
    EXPECT_EQ(login.step(), AdminLogin::Step::Failed);
    EXPECT_EQ(login.failure(), BankResult::NotAdminCertificate);
}

TEST(AdminLogin, AMediumKeyCopiedToAnotherPcCannotBeUnlocked) {
    // 中 keys are sealed by their PC's device key: the admin certificate copied (with its
    // protected key) to 利用者のパソコン does not open there.
    cp::test::TestBank tb;
    AdminLogin login(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(login, tb.admin_cert()), PcResult::KeyProtectionFailed);
    EXPECT_EQ(login.step(), AdminLogin::Step::Failed);
}

TEST(AdminLogin, ExpiredAdminCertificateNeedsTheBranch) {
    cp::test::TestBank tb;
    ASSERT_EQ(tb.bank->advance_time(cp::days(120)), FlowResult::Ok);  // past 2023-12-01
    AdminLogin login(*tb.bank, tb.admin_pc.services());
    EXPECT_EQ(cp::test::choose(login, tb.admin_cert()), BankResult::AdminCertificateExpired);
    EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::CertificateExpired));
    // 電子証明書再発行依頼書 → after the delay the admin picks the new one up with the contract PIN.
    ASSERT_EQ(tb.bank->submit_branch_request(cp::BranchRequestKind::ReissueAdminCertificate), FlowResult::Ok);
    // The PC side of 取得: key pair, CSR, 中 protection, then the bank's rules and its CA.
    auto pickup = [&](cp::CertificateEnrollment& e) {
        FlowResult out = FlowResult::WrongStep;
        e.enroll(tb.bank->admin_subject(), cp::KeyChoice{},
                 [&](std::span<const std::uint8_t> csr, cp::IssuedCertificate& issued) {
                     return tb.bank->pickup_admin_certificate("00009876543", cp::kSeedSecrets.contract_pin, csr, issued,
                                                             tb.world.admin_pc.name);
                 },
                 [&](FlowResult r) { out = r; });
        return out;
    };
    {
        cp::CertificateEnrollment early(tb.world.admin_pc, tb.admin_pc.services());
        EXPECT_EQ(pickup(early), BankResult::NoPendingCertificate);
        EXPECT_EQ(early.install(), FlowResult::WrongStep);
    }
    ASSERT_EQ(tb.bank->advance_time(cp::days(tb.bank->state().config.admin_reissue_days)), FlowResult::Ok);
    EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::AdminCertificateReissued));
    EXPECT_EQ(tb.bank->state().contract.admin_certificate.status, cp::CertStatus::PendingPickup);
    cp::CertificateEnrollment enrollment(tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(pickup(enrollment), FlowResult::Ok);
    ASSERT_EQ(enrollment.install(), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    EXPECT_EQ(tb.world.admin_pc.certificates.size(), 2u);
    AdminLogin again(*tb.bank, tb.admin_pc.services());
    EXPECT_TRUE(cp::test::login_admin(tb, again));
}

TEST(AdminLogin, WrongPinKeepsTheStepAndLocksAtTheLimit) {
    cp::test::TestBank tb;
    AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_EQ(cp::test::choose(login, tb.admin_cert()), FlowResult::Ok);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(login.enter_contract_pin("wrongpin1"), BankResult::WrongContractPin);
        EXPECT_EQ(login.step(), AdminLogin::Step::ContractPin);
    }
    EXPECT_EQ(login.enter_contract_pin("wrongpin1"), BankResult::ContractLocked);
    EXPECT_EQ(login.step(), AdminLogin::Step::Failed);
}

TEST(AdminLogin, WrongCardAnswerDrawsANewChallenge) {
    cp::test::TestBank tb;
    AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_EQ(cp::test::choose(login, tb.admin_cert()), FlowResult::Ok);
    ASSERT_EQ(login.enter_contract_pin(cp::kSeedSecrets.contract_pin), FlowResult::Ok);
    const cp::CardChallenge c = login.challenge();
    const int wrong = (tb.bank->state().contract.card.numbers[c.first] + 1) % 100;
    const std::string w = std::string(1, static_cast<char>('0' + wrong / 10)) + static_cast<char>('0' + wrong % 10);
    EXPECT_EQ(login.answer_card(w, cp::test::card_answer(*tb.bank, c.second)), BankResult::WrongCardAnswer);
    EXPECT_EQ(login.step(), AdminLogin::Step::CardChallenge);
    const cp::CardChallenge next = login.challenge();
    EXPECT_EQ(login.answer_card(cp::test::card_answer(*tb.bank, next.first), cp::test::card_answer(*tb.bank, next.second)),
              FlowResult::Ok);
}

TEST(AdminLogin, LostCardStopsAtTheCardStep) {
    cp::test::TestBank tb(cp::Preset::CardLost);
    AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_EQ(cp::test::choose(login, tb.admin_cert()), FlowResult::Ok);
    EXPECT_EQ(login.enter_contract_pin(cp::kSeedSecrets.contract_pin), BankResult::CardLost);
    EXPECT_EQ(login.step(), AdminLogin::Step::Failed);
    ASSERT_EQ(tb.bank->submit_branch_request(cp::BranchRequestKind::ReissueCard), FlowResult::Ok);
    ASSERT_EQ(tb.bank->advance_time(cp::days(21)), FlowResult::Ok);
    AdminLogin again(*tb.bank, tb.admin_pc.services());
    EXPECT_TRUE(cp::test::login_admin(tb, again));
}

TEST(AdminLogin, LockedContractPresetFailsAtOnce) {
    cp::test::TestBank tb(cp::Preset::ContractLocked);
    AdminLogin login(*tb.bank, tb.admin_pc.services());
    EXPECT_EQ(cp::test::choose(login, tb.admin_cert()), BankResult::ContractLocked);
}

TEST(AdminLogin, RenewalWindowAddsTheRenewalNotice) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    EXPECT_TRUE(tb.bank->in_admin_renewal_window());
    const auto n = tb.bank->admin_notices();
    ASSERT_FALSE(n.empty());
    EXPECT_EQ(n.front(), cp::NoticeKind::RenewAdminCertificate);
    EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::RenewalReminder));  // the mail was sent
}

}  // namespace
