// 管理者電子証明書取得 through the session: after the new certificate was deleted by mistake, the
// branch reissues (電子証明書再発行依頼書 on the simulated clock) and the administrator obtains a new
// certificate on 管理者のパソコン and logs on again; the failure paths keep the reissue usable.
#include <gtest/gtest.h>

#include "session_fixture.h"

namespace {

using cp::AdminPickupFlow;
using cp::BankResult;
using cp::FlowResult;
using PScreen = AdminPickupFlow::Screen;
namespace cmd = cp::cmd;

// The seed world, then the branch reissues the administrator certificate (2 days).
void reissued_at_the_branch(cp::test::PageLoad& page) {
    page.apply(cmd::SubmitBranchRequest{cp::BranchRequestKind::ReissueAdminCertificate});
    ASSERT_EQ(page.session.last_result(), FlowResult::Ok);
    page.apply(cmd::AdvanceClock{static_cast<std::int32_t>(page.bank().state().config.admin_reissue_days)});
    ASSERT_EQ(page.bank().state().contract.admin_certificate.status, cp::CertStatus::PendingPickup);
    bool mailed = false;
    for (const cp::Mail& m : page.bank().state().mailbox) mailed |= m.kind == cp::MailKind::AdminCertificateReissued;
    EXPECT_TRUE(mailed) << "管理者電子証明書再発行のお知らせ";
}

void enter_ids(cp::test::PageLoad& page, std::string_view pin) {
    page.apply(cmd::StartAdminPickup{});
    ASSERT_NE(page.session.admin_pickup(), nullptr);
    page.apply(cmd::SubmitPickupIds{std::string(cp::kSeedSecrets.contract_id), cp::Secret(pin)});
}

TEST(AdminPickup, AfterTheBranchReissueTheAdministratorObtainsANewCertificateAndLogsOn) {
    cp::test::BrowserProfile profile;
    std::string serial;
    {
        cp::test::PageLoad page(profile);
        reissued_at_the_branch(page);
        cp::test::choose_certificate(page);
        EXPECT_EQ(page.flow().failure(), BankResult::CertificateRevoked) << "the old one is revoked by the reissue";
        enter_ids(page, "wrong-pin1");
        const AdminPickupFlow& flow = *page.session.admin_pickup();
        EXPECT_EQ(flow.screen(), PScreen::EnterIds);
        EXPECT_EQ(flow.last_result(), BankResult::WrongContractPin);
        EXPECT_GT(flow.tries_left(), 0u);
        page.apply(cmd::SubmitPickupIds{std::string(cp::kSeedSecrets.contract_id), cp::Secret(cp::kSeedSecrets.contract_pin)});
        ASSERT_EQ(flow.screen(), PScreen::WebAccess);
        page.apply(cmd::AnswerPickupWebAccess{true});
        ASSERT_EQ(flow.screen(), PScreen::Done) << result_name(flow.pickup().failure());
        serial = flow.pickup().installed_serial();
        EXPECT_EQ(page.bank().state().contract.admin_certificate.serial, serial);
        EXPECT_EQ(page.bank().state().contract.admin_certificate.status, cp::CertStatus::Valid);
        page.apply(cmd::LeaveFlow{});
    }
    cp::test::PageLoad reload(profile);
    ASSERT_NE(reload.session.pc_store(cp::PcId::Admin)->find(serial), nullptr) << "saved on 管理者のパソコン";
    cp::test::log_in_as_admin(reload);  // the last certificate of the store: the new one
}

TEST(AdminPickup, NoKeepsTheReissuePendingAndNothingPendingIsRefused) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    enter_ids(page, cp::kSeedSecrets.contract_pin);
    EXPECT_EQ(page.session.admin_pickup()->screen(), PScreen::Failed);
    EXPECT_EQ(page.session.admin_pickup()->pickup().failure(), BankResult::NoPendingCertificate);
    reissued_at_the_branch(page);
    enter_ids(page, cp::kSeedSecrets.contract_pin);
    page.apply(cmd::AnswerPickupWebAccess{false});
    EXPECT_EQ(page.session.admin_pickup()->screen(), PScreen::Failed);
    EXPECT_EQ(page.session.admin_pickup()->pickup().failure(), FlowResult::Cancelled);
    EXPECT_EQ(page.bank().state().contract.admin_certificate.status, cp::CertStatus::PendingPickup) << "いいえ before the issue";
    EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
    enter_ids(page, cp::kSeedSecrets.contract_pin);
    page.apply(cmd::AnswerPickupWebAccess{true});
    EXPECT_EQ(page.session.admin_pickup()->screen(), PScreen::Done);
}

TEST(AdminPickup, ThePickupWindowPasses) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    reissued_at_the_branch(page);
    page.apply(cmd::AdvanceClock{static_cast<std::int32_t>(page.bank().state().config.pickup_window_days) + 1});
    enter_ids(page, cp::kSeedSecrets.contract_pin);
    EXPECT_EQ(page.session.admin_pickup()->pickup().failure(), BankResult::PickupWindowPassed);
}

}  // namespace
