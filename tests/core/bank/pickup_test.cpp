// The seed's 利用者の電子証明書を再発行する (有効期限が経過した場合): the admin reissues S0001's
// expired certificate, S0001 picks it up on 利用者のパソコン, and logs in with it. Then every
// failure path of the pickup the seed mentions.
#include "procedures/user_pickup.h"

#include <gtest/gtest.h>

#include "bank_test_support.h"
#include "procedures/user_certificate_maintenance.h"
#include "procedures/user_login.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::UserPickup;

using cp::test::reissue;
using cp::test::to_app_ready;

TEST(Pickup, SeedProcedureExpiredUserCertificateStartToFinish) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    const cp::InstalledCertificate old_cert = tb.user_cert("S0001");
    EXPECT_EQ(cp::effective_status(tb.user("S0001").certificate, tb.bank->now()), cp::CertStatus::Expired);
    EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::CertificateExpired, cp::Holder::user("S0001")));
    {  // the old certificate no longer logs in
        cp::UserLogin login(*tb.bank, tb.user_pc.services());
        EXPECT_EQ(cp::test::choose(login, old_cert), BankResult::CertificateExpired);
    }
    reissue(tb, "S0001");
    const cp::CertificateRecord& rec = tb.user("S0001").certificate;
    EXPECT_EQ(rec.issue_number, 2u);
    EXPECT_EQ(rec.status, cp::CertStatus::PendingPickup);
    EXPECT_EQ(rec.registered_at, tb.bank->now());
    EXPECT_EQ(rec.pickup_deadline, tb.bank->now() + cp::days(80));
    EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::UserCertificateReissued, cp::Holder::user("S0001")));

    ASSERT_EQ(tb.bank->advance_time(cp::days(1)), FlowResult::Ok);
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    to_app_ready(tb, p);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    ASSERT_EQ(p.finish(), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    EXPECT_EQ(p.step(), UserPickup::Step::Installed);
    const cp::InstalledCertificate* installed = tb.world.user_pc.find(p.installed_serial());
    ASSERT_NE(installed, nullptr);
    EXPECT_EQ(tb.user("S0001").certificate.status, cp::CertStatus::Valid);
    EXPECT_EQ(tb.user("S0001").certificate.serial, installed->serial);

    cp::UserLogin login(*tb.bank, tb.user_pc.services());
    ASSERT_EQ(cp::test::choose(login, *installed), FlowResult::Ok);
    EXPECT_EQ(login.enter_pin("wrong0001"), BankResult::WrongUserPin);
    ASSERT_EQ(login.enter_pin(cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    EXPECT_EQ(login.step(), cp::UserLogin::Step::Menu);
    EXPECT_TRUE(tb.bank->state().audit.verify());
}

// 有効期限は1年 from the pickup: a certificate picked up on 2023年9月1日 10:00 ends on 2024年9月1日
// 10:00 (366 days: 2024 is a leap year), in the CA's certificate and the bank's record alike.
TEST(Pickup, TheCertificateRunsOneYearFromItsPickup) {
    cp::test::TestBank tb(cp::Preset::SeedWorld);
    reissue(tb, "S0001");
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    to_app_ready(tb, p);
    const cp::SimTime picked_up = tb.bank->now();
    ASSERT_EQ(cp::to_jst(picked_up).year, 2023);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    ASSERT_EQ(p.finish(), FlowResult::Ok);
    const cp::InstalledCertificate* installed = tb.world.user_pc.find(p.installed_serial());
    ASSERT_NE(installed, nullptr);
    EXPECT_EQ(installed->not_before, picked_up);
    EXPECT_EQ(installed->not_after - installed->not_before, cp::days(366));
    const cp::JstTime end = cp::to_jst(installed->not_after), start = cp::to_jst(picked_up);
    EXPECT_EQ(end.year, 2024);
    EXPECT_EQ(end.month, start.month);
    EXPECT_EQ(end.day, start.day);
    EXPECT_EQ(end.hour, start.hour);
    // The bank's record takes the new certificate once the PC has saved it (docs/domain.md, "Issuance").
    ASSERT_EQ(tb.bank->confirm_installation(p.installed_serial()), FlowResult::Ok);
    EXPECT_EQ(tb.user("S0001").certificate.not_after, installed->not_after);
}

TEST(Pickup, InternetExplorerModeYes) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services(), cp::AcquisitionPath::InternetExplorerMode);
    ASSERT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    ASSERT_EQ(p.enter_one_time_password(tb.bank->token_display("S0001")), FlowResult::Ok);
    ASSERT_EQ(p.step(), UserPickup::Step::ConfirmWebAccess);
    ASSERT_EQ(p.confirm_web_access(true), FlowResult::Ok);
    EXPECT_EQ(p.step(), UserPickup::Step::Installed);
}

TEST(Pickup, NoAtConfirmationNeedsAReissue) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    const std::size_t before = tb.world.user_pc.certificates.size();
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services(), cp::AcquisitionPath::InternetExplorerMode);
    ASSERT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    ASSERT_EQ(p.enter_one_time_password(tb.bank->token_display("S0001")), FlowResult::Ok);
    EXPECT_EQ(p.confirm_web_access(false), PcResult::InstallDeclined);
    EXPECT_EQ(p.step(), UserPickup::Step::Failed);
    EXPECT_EQ(tb.world.user_pc.certificates.size(), before);  // nothing installed
    EXPECT_EQ(tb.user("S0001").certificate.status, cp::CertStatus::Revoked);
    UserPickup again(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    EXPECT_EQ(again.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), BankResult::NoPendingCertificate);
}

TEST(Pickup, AppClosedMidwayNeedsAReissue) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    to_app_ready(tb, p);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    EXPECT_EQ(p.close_app(), PcResult::AppClosedDuringAcquisition);
    EXPECT_EQ(p.step(), UserPickup::Step::Failed);
    EXPECT_EQ(tb.user("S0001").certificate.status, cp::CertStatus::Revoked);
    EXPECT_EQ(tb.bank->state().audit.entries().back().action, cp::AuditAction::CertificateInstallFailed);
    // The admin reissues, and the second attempt works.
    ASSERT_EQ(tb.bank->advance_time(60), FlowResult::Ok);
    reissue(tb, "S0001");
    UserPickup retry(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    ASSERT_EQ(tb.bank->advance_time(60), FlowResult::Ok);
    to_app_ready(tb, retry);
    ASSERT_EQ(retry.acquire(), FlowResult::Ok);
    EXPECT_EQ(retry.finish(), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
}

TEST(Pickup, AppMustRunBeforeAcquire) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    ASSERT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    ASSERT_EQ(p.enter_one_time_password(tb.bank->token_display("S0001")), FlowResult::Ok);
    EXPECT_EQ(p.acquire(), PcResult::AcquisitionAppNotRunning);
    ASSERT_EQ(p.start_app(), FlowResult::Ok);
    ASSERT_EQ(p.close_app(), FlowResult::Ok);  // closed before 取得: start again, no harm
    EXPECT_EQ(p.step(), UserPickup::Step::StartApp);
    ASSERT_EQ(p.start_app(), FlowResult::Ok);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
}

TEST(Pickup, WindowPassedPreset) {
    cp::test::TestBank tb(cp::Preset::PickupWindowPassed);
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    EXPECT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), BankResult::PickupWindowPassed);
    EXPECT_EQ(p.step(), UserPickup::Step::Failed);
}

TEST(Pickup, WindowIsEightyDays) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    ASSERT_EQ(tb.bank->advance_time(cp::days(80)), FlowResult::Ok);
    EXPECT_EQ(tb.bank->check_pickup_allowed("S0001"), FlowResult::Ok);  // the last moment
    ASSERT_EQ(tb.bank->advance_time(1), FlowResult::Ok);
    EXPECT_EQ(tb.bank->check_pickup_allowed("S0001"), BankResult::PickupWindowPassed);
}

TEST(Pickup, NoTokenMeansNoPickupAndTheAdminIsTold) {
    cp::test::TestBank tb;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    cp::UserCertificateMaintenance m(*tb.bank, login);
    ASSERT_EQ(m.select_user("S0002"), FlowResult::Ok);
    ASSERT_EQ(m.choose_change(), FlowResult::Ok);
    ASSERT_EQ(m.apply(cp::UserCertificateAction::Reissue, cp::kSeedSecrets.confirmation_pin), FlowResult::Ok);
    EXPECT_TRUE(m.token_missing());
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    EXPECT_EQ(p.enter_ids("00009876543", "S0002", cp::kSeedSecrets.s0002_pin), BankResult::NoTokenRegistered);
    ASSERT_EQ(tb.bank->register_token("S0002", cp::kSeedSecrets.confirmation_pin), FlowResult::Ok);
    UserPickup again(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    EXPECT_EQ(again.enter_ids("00009876543", "S0002", cp::kSeedSecrets.s0002_pin), FlowResult::Ok);
}

TEST(Pickup, TypingMistakesKeepTheForm) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    EXPECT_EQ(p.enter_ids("0000987654", "S0001", cp::kSeedSecrets.s0001_pin), BankResult::InvalidInput);
    EXPECT_EQ(tb.bank->last_input_error(), cp::InputError::NotElevenDigits);
    EXPECT_EQ(p.enter_ids("00009876543", "S0001", "wrong0001"), BankResult::WrongUserPin);
    EXPECT_EQ(p.enter_ids("00009876543", "S9999", cp::kSeedSecrets.s0001_pin), BankResult::UnknownContractOrUser);
    EXPECT_EQ(p.step(), UserPickup::Step::EnterIds);
    ASSERT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    EXPECT_EQ(p.enter_one_time_password("000000") , BankResult::WrongOneTimePassword);
    EXPECT_EQ(p.step(), UserPickup::Step::OneTimePassword);
    const std::string code = tb.bank->token_display("S0001");
    ASSERT_EQ(p.enter_one_time_password(code), FlowResult::Ok);
    // The same code cannot be used for a second pickup attempt.
    UserPickup second(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    ASSERT_EQ(second.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    EXPECT_EQ(second.enter_one_time_password(code), BankResult::OneTimePasswordReused);
}

TEST(Pickup, NothingToPickUpWithoutAReissue) {
    cp::test::TestBank tb;
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    EXPECT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), BankResult::NoPendingCertificate);
}

TEST(Pickup, CaFailureEndsTheProcedure) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    to_app_ready(tb, p);
    tb.authority.fail_next_issue();
    EXPECT_EQ(p.acquire(), BankResult::IssuingFailed);
    EXPECT_EQ(tb.user("S0001").certificate.status, cp::CertStatus::PendingPickup);  // still pending
}

TEST(Pickup, RevokeAndContinue) {
    cp::test::TestBank tb;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    cp::UserCertificateMaintenance m(*tb.bank, login);
    ASSERT_EQ(m.select_user("S0002"), FlowResult::Ok);
    ASSERT_EQ(m.choose_change(), FlowResult::Ok);
    EXPECT_EQ(m.apply(cp::UserCertificateAction::Revoke, "wrongpin1"), BankResult::WrongConfirmationPin);
    EXPECT_EQ(m.step(), cp::UserCertificateMaintenance::Step::EditCertificate);
    ASSERT_EQ(m.apply(cp::UserCertificateAction::Revoke, cp::kSeedSecrets.confirmation_pin), FlowResult::Ok);
    EXPECT_EQ(tb.user("S0002").certificate.status, cp::CertStatus::Revoked);
    cp::UserLogin ul(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(ul, tb.user_cert("S0002")), BankResult::CertificateRevoked);

    cp::UserCertificateMaintenance keep(*tb.bank, login);
    ASSERT_EQ(keep.select_user("S0001"), FlowResult::Ok);
    ASSERT_EQ(keep.choose_change(), FlowResult::Ok);
    const cp::CertificateRecord before = tb.user("S0001").certificate;
    ASSERT_EQ(keep.apply(cp::UserCertificateAction::Continue, cp::kSeedSecrets.confirmation_pin), FlowResult::Ok);
    EXPECT_EQ(tb.user("S0001").certificate, before);
}

TEST(Pickup, MaintenanceNeedsALoggedInAdmin) {
    cp::test::TestBank tb;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());  // not logged in
    cp::UserCertificateMaintenance m(*tb.bank, login);
    EXPECT_EQ(m.select_user("S0001"), FlowResult::WrongStep);
    cp::AdminLogin ok(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, ok));
    cp::UserCertificateMaintenance m2(*tb.bank, ok);
    EXPECT_EQ(m2.select_user("S0009"), BankResult::UnknownUser);
}

}  // namespace
