// The seed's 電子証明書の更新 (administrator): mail → 管理者ログオン → 証明書更新 → 更新 →
// はい (×2) → 中 → 発行処理中 → はい → 完了, then deleting the old certificate.
#include "procedures/admin_renewal.h"

#include <gtest/gtest.h>

#include "bank_test_support.h"
#include "procedures/certificate_deletion.h"

namespace {

using cp::AdminRenewal;
using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;

TEST(Renewal, SeedProcedureStartToFinishThenDeleteTheOld) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::RenewalReminder));
    const std::string old_serial = tb.admin_cert().serial;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(r.start(), FlowResult::Ok);
    EXPECT_EQ(r.confirmations_left(), 2u);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.step(), AdminRenewal::Step::ProtectionLevel);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
    ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    EXPECT_EQ(r.step(), AdminRenewal::Step::Done);
    const cp::CertificateRecord& rec = tb.bank->state().contract.admin_certificate;
    EXPECT_EQ(rec.serial, r.new_serial());
    EXPECT_EQ(rec.issue_number, 2u);
    EXPECT_EQ(rec.not_after, cp::add_jst_years(tb.bank->now(), 1));  // 有効期限は1年, to the same date and time
    ASSERT_EQ(tb.world.admin_pc.certificates.size(), 2u);  // ① two admin certificates

    // Deleting the NEW one is warned about; cancel. Then delete the old one.
    cp::CertificateDeletion wrong(tb.world.admin_pc, tb.bank->now());
    ASSERT_EQ(wrong.select(r.new_serial()), FlowResult::Ok);
    EXPECT_EQ(wrong.warning(), PcResult::DeletingNewerCertificate);
    EXPECT_EQ(wrong.confirm(false), FlowResult::Cancelled);
    cp::CertificateDeletion del(tb.world.admin_pc, tb.bank->now());
    ASSERT_EQ(del.select(old_serial), FlowResult::Ok);
    EXPECT_EQ(del.warning(), FlowResult::Ok);
    ASSERT_EQ(del.confirm(true), FlowResult::Ok);
    ASSERT_EQ(tb.world.admin_pc.certificates.size(), 1u);

    // Deleting the only valid one is warned about too.
    cp::CertificateDeletion last(tb.world.admin_pc, tb.bank->now());
    ASSERT_EQ(last.select(r.new_serial()), FlowResult::Ok);
    EXPECT_EQ(last.warning(), PcResult::DeletingOnlyValidCertificate);

    // The old certificate no longer logs in; the new one does.
    cp::AdminLogin next(*tb.bank, tb.admin_pc.services());
    EXPECT_TRUE(cp::test::login_admin(tb, next));
    EXPECT_FALSE(tb.bank->in_admin_renewal_window());
}

TEST(Renewal, OldCertificateIsSupersededAfterRenewal) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    const cp::InstalledCertificate old_cert = tb.admin_cert();
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(r.start(), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
    ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    cp::AdminLogin with_old(*tb.bank, tb.admin_pc.services());
    EXPECT_EQ(cp::test::choose(with_old, old_cert), BankResult::CertificateSuperseded);
}

TEST(Renewal, OutsideTheWindowIsRefused) {
    cp::test::TestBank tb;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    EXPECT_EQ(r.start(), BankResult::NotInRenewalWindow);
    EXPECT_EQ(r.step(), AdminRenewal::Step::Failed);
}

TEST(Renewal, WindowOpensThirtyDaysBeforeExpiry) {
    cp::test::TestBank tb;
    const cp::SimTime expiry = tb.bank->state().contract.admin_certificate.not_after;
    ASSERT_EQ(tb.bank->advance_time(expiry - cp::days(30) - 1 - tb.bank->now()), FlowResult::Ok);
    EXPECT_FALSE(tb.bank->in_admin_renewal_window());
    ASSERT_EQ(tb.bank->advance_time(1), FlowResult::Ok);
    EXPECT_TRUE(tb.bank->in_admin_renewal_window());
}

TEST(Renewal, NoBeforeIssuingChangesNothing) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    const cp::CertificateRecord before = tb.bank->state().contract.admin_certificate;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(r.start(), FlowResult::Ok);
    EXPECT_EQ(r.confirm_web_access(false), FlowResult::Cancelled);
    EXPECT_EQ(tb.bank->state().contract.admin_certificate, before);
    EXPECT_EQ(tb.world.admin_pc.certificates.size(), 1u);
}

TEST(Renewal, NoAtInstallKeepsTheOldCertificate) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    const cp::CertificateRecord before = tb.bank->state().contract.admin_certificate;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(r.start(), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
    EXPECT_EQ(r.confirm_install(false), PcResult::InstallDeclined);
    EXPECT_EQ(tb.bank->state().contract.admin_certificate, before);
    cp::AdminLogin again(*tb.bank, tb.admin_pc.services());
    EXPECT_TRUE(cp::test::login_admin(tb, again));  // the old one still works
}

TEST(Renewal, SingleConfirmationOnSomeSystems) {
    cp::BankConfig config = cp::test::fast_config();
    config.web_access_confirmations = 1;
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow, 42, config);
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(r.start(), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    EXPECT_EQ(r.step(), AdminRenewal::Step::ProtectionLevel);
}

TEST(Renewal, CaFailureWhileIssuing) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(r.start(), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    tb.authority.fail_next_issue();
    EXPECT_EQ(r.choose_protection(cp::KeyProtection::Medium), BankResult::IssuingFailed);
    EXPECT_EQ(r.step(), AdminRenewal::Step::Failed);
}

TEST(Renewal, RemindersAtThirtyAndTenDaysThenExpiry) {
    cp::test::TestBank tb;
    const cp::SimTime expiry = tb.bank->state().contract.admin_certificate.not_after;
    auto admin_reminders = [&] {
        int n = 0;
        for (const auto& m : tb.bank->state().mailbox)
            if (m.kind == cp::MailKind::RenewalReminder && m.holder.is_admin()) ++n;
        return n;
    };
    ASSERT_EQ(tb.bank->advance_time(expiry - cp::days(30) - tb.bank->now()), FlowResult::Ok);
    EXPECT_EQ(admin_reminders(), 1);
    ASSERT_EQ(tb.bank->advance_time(cp::days(1)), FlowResult::Ok);
    EXPECT_EQ(admin_reminders(), 1);  // once
    ASSERT_EQ(tb.bank->advance_time(expiry - cp::days(10) - tb.bank->now()), FlowResult::Ok);
    EXPECT_EQ(admin_reminders(), 2);
    EXPECT_FALSE(cp::test::has_mail(*tb.bank, cp::MailKind::CertificateExpired));
    ASSERT_EQ(tb.bank->advance_time(cp::days(10)), FlowResult::Ok);
    EXPECT_FALSE(cp::test::has_mail(*tb.bank, cp::MailKind::CertificateExpired));  // notAfter itself is valid
    ASSERT_EQ(tb.bank->advance_time(1), FlowResult::Ok);
    EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::CertificateExpired));
}

}  // namespace
