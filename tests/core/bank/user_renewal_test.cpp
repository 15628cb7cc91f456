// A user's own 証明書更新 (seed 000 A3: 管理者または利用者からログオンし、更新を行ってください):
// 電子証明書方式 利用者ログイン → 証明書更新 → 更新 → はい (×2) → 中 → 発行処理中 → はい → 完了 on
// 利用者のパソコン, with the administrator's guarantees: いいえ and closing mid-way leave the old
// certificate in use, the bank audits every step, and only inside the user's renewal window.
#include "procedures/user_renewal.h"

#include <gtest/gtest.h>

#include <memory>

#include "bank_test_support.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::KeyProtection;
using cp::UserLogin;
using cp::UserRenewal;

// 利用者ログイン with `certificate` (中: 許可; 高: `key_password`) and S0001's PIN.
FlowResult log_in(UserLogin& login, const cp::InstalledCertificate& certificate,
                  std::string_view key_password = {}) {
    FlowResult r = login.choose_certificate(certificate);
    if (r == FlowResult::Ok && login.step() == UserLogin::Step::KeyAccess) r = login.grant_key_access(key_password);
    if (login.step() == UserLogin::Step::Failed) return login.failure();
    if (r != FlowResult::Ok) return r;
    r = login.enter_pin(cp::kSeedSecrets.s0001_pin);
    return login.logged_in() ? FlowResult::Ok : r;
}

// Start → both web access confirmations: the protection level.
void to_protection(UserRenewal& r) {
    ASSERT_EQ(r.start(), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.step(), UserRenewal::Step::ProtectionLevel);
}

// S0001 logged on at 利用者のパソコン (the preset's certificate), a renewal of it opened — its PC
// work through `pc` (the user PC's own services unless a test slows them down) — and what the
// old certificate was, to check it is kept.
struct Renewing {
    explicit Renewing(cp::Preset preset = cp::Preset::UserRenewalWindow, cp::test::TestPc* pc = nullptr)
        : tb(preset), login(*tb.bank, tb.user_pc.services()) {
        before = tb.user("S0001").certificate;
        on_pc = tb.world.user_pc.certificates.size();
        logged_in = log_in(login, tb.user_cert("S0001"));
        r = std::make_unique<UserRenewal>(*tb.bank, login, tb.world.user_pc, (pc != nullptr ? *pc : tb.user_pc).services());
    }
    // The old certificate is what the bank and the PC still hold, and it logs on.
    void expect_old_kept(const char* when = "") {
        EXPECT_EQ(tb.user("S0001").certificate, before) << when;
        EXPECT_EQ(tb.world.user_pc.certificates.size(), on_pc) << when;
        UserLogin again(*tb.bank, tb.user_pc.services());
        EXPECT_EQ(log_in(again, tb.user_cert("S0001")), FlowResult::Ok) << "the old one still works " << when;
    }
    cp::test::TestBank tb;
    UserLogin login;
    cp::CertificateRecord before;
    std::size_t on_pc = 0;
    FlowResult logged_in = FlowResult::WrongStep;
    std::unique_ptr<UserRenewal> r;
};

std::size_t count(const cp::Bank& bank, cp::AuditAction action, std::string_view actor, FlowResult result) {
    std::size_t n = 0;
    for (const cp::AuditEntry& e : bank.state().audit.entries())
        if (e.action == action && e.actor == actor && e.result == result) ++n;
    return n;
}

TEST(UserRenewal, SeedA3StartToFinishOnTheUsersPc) {
    Renewing f;
    cp::test::TestBank& tb = f.tb;
    EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::RenewalReminder, cp::Holder::user("S0001")));
    const cp::InstalledCertificate old_cert = tb.user_cert("S0001");
    const cp::CertificateRecord admin_before = tb.bank->state().contract.admin_certificate;
    ASSERT_EQ(f.logged_in, FlowResult::Ok);
    UserRenewal& r = *f.r;
    EXPECT_EQ(r.holder(), cp::Holder::user("S0001"));
    to_protection(r);
    ASSERT_EQ(r.choose_protection(KeyProtection::Medium), FlowResult::Ok);
    ASSERT_EQ(r.step(), UserRenewal::Step::ConfirmInstall);
    ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    ASSERT_EQ(r.step(), UserRenewal::Step::Done);

    const cp::CertificateRecord& rec = tb.user("S0001").certificate;
    EXPECT_EQ(rec.serial, r.new_serial());
    EXPECT_EQ(rec.issue_number, 2u);
    EXPECT_EQ(rec.not_after, cp::add_jst_years(tb.bank->now(), 1));  // 有効期限は1年, to the same date and time
    EXPECT_EQ(rec.status, cp::CertStatus::Valid);
    EXPECT_FALSE(tb.bank->in_renewal_window(cp::Holder::user("S0001"))) << "a new year: outside the window again";
    EXPECT_EQ(tb.world.user_pc.certificates.size(), 3u) << "S0001 old and new, S0002's";
    const cp::InstalledCertificate* installed = tb.world.user_pc.find(r.new_serial());
    ASSERT_NE(installed, nullptr);
    EXPECT_EQ(installed->subject.holder_id, "S0001");
    EXPECT_EQ(installed->subject.kind, cp::HolderKind::User);
    EXPECT_EQ(tb.world.admin_pc.certificates.size(), 1u) << "nothing on the administrator's PC";
    EXPECT_EQ(tb.bank->state().contract.admin_certificate, admin_before) << "the administrator's certificate untouched";

    // The bank audited the issue (awaiting installation) and the confirmed installation, as S0001.
    EXPECT_EQ(count(*tb.bank, cp::AuditAction::UserRenewal, "S0001", FlowResult::Ok), 1u);
    EXPECT_EQ(count(*tb.bank, cp::AuditAction::CertificateInstalled, "S0001", FlowResult::Ok), 1u);
    EXPECT_TRUE(tb.bank->state().audit.verify());

    // The new certificate logs on; the old one is superseded.
    UserLogin with_new(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(log_in(with_new, *installed), FlowResult::Ok);
    UserLogin with_old(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(with_old, old_cert), BankResult::CertificateSuperseded);
}

TEST(UserRenewal, NoAtEitherConfirmationBeforeIssuingChangesNothing) {
    for (int at = 0; at < 2; ++at) {
        Renewing f;
        ASSERT_EQ(f.logged_in, FlowResult::Ok);
        ASSERT_EQ(f.r->start(), FlowResult::Ok);
        if (at == 1) {
            ASSERT_EQ(f.r->confirm_web_access(true), FlowResult::Ok);
        }
        EXPECT_EQ(f.r->confirm_web_access(false), FlowResult::Cancelled) << at;
        EXPECT_EQ(f.r->step(), UserRenewal::Step::Failed);
        EXPECT_EQ(count(*f.tb.bank, cp::AuditAction::UserRenewal, "S0001", FlowResult::Ok), 0u) << "nothing was issued";
        f.expect_old_kept();
        EXPECT_TRUE(f.tb.bank->in_renewal_window(cp::Holder::user("S0001"))) << "try again";
    }
}

TEST(UserRenewal, NoAtTheInstallRevokesTheNewOneAndKeepsTheOld) {
    Renewing f;
    ASSERT_EQ(f.logged_in, FlowResult::Ok);
    to_protection(*f.r);
    ASSERT_EQ(f.r->choose_protection(KeyProtection::Medium), FlowResult::Ok);
    EXPECT_EQ(f.r->confirm_install(false), PcResult::InstallDeclined);
    EXPECT_EQ(f.r->failure(), PcResult::InstallDeclined);
    // Issued (audited), then reported: report_install_failed puts the new serial on the CRL.
    EXPECT_EQ(count(*f.tb.bank, cp::AuditAction::UserRenewal, "S0001", FlowResult::Ok), 1u);
    EXPECT_EQ(count(*f.tb.bank, cp::AuditAction::CertificateInstallFailed, "S0001", PcResult::InstallDeclined), 1u);
    f.expect_old_kept();
}

// 高 asks the key's password at the next login (a wrong one asks again), 低 asks nothing.
TEST(UserRenewal, ProtectionLevelsAtTheNextLogin) {
    for (const KeyProtection level : {KeyProtection::High, KeyProtection::Low}) {
        Renewing f;
        ASSERT_EQ(f.logged_in, FlowResult::Ok);
        to_protection(*f.r);
        if (level == KeyProtection::High) {
            EXPECT_EQ(f.r->choose_protection(level), BankResult::InvalidInput) << "高 needs its password";
            EXPECT_EQ(f.r->step(), UserRenewal::Step::ProtectionLevel);
        }
        ASSERT_EQ(f.r->choose_protection(level, level == KeyProtection::High ? "Kagi-2024" : ""), FlowResult::Ok);
        ASSERT_EQ(f.r->confirm_install(true), FlowResult::Ok);
        cp::test::pc_saved(f.tb);  // the PC saved it: the bank confirms
        const cp::InstalledCertificate* installed = f.tb.world.user_pc.find(f.r->new_serial());
        ASSERT_NE(installed, nullptr);
        EXPECT_EQ(installed->protection, level);
        UserLogin next(*f.tb.bank, f.tb.user_pc.services());
        ASSERT_EQ(next.choose_certificate(*installed), FlowResult::Ok);
        if (level == KeyProtection::Low) {
            EXPECT_EQ(next.step(), UserLogin::Step::Pin) << "低: no prompt";
            continue;
        }
        ASSERT_EQ(next.step(), UserLogin::Step::KeyAccess);
        EXPECT_TRUE(next.key_access_needs_password());
        EXPECT_EQ(next.grant_key_access("wrong-one"), PcResult::WrongKeyPassword);
        EXPECT_EQ(next.step(), UserLogin::Step::KeyAccess);
        ASSERT_EQ(next.grant_key_access("Kagi-2024"), FlowResult::Ok);
        EXPECT_EQ(next.step(), UserLogin::Step::Pin);
    }
}

TEST(UserRenewal, BeforeTheWindowItIsNotOffered) {
    Renewing f(cp::Preset::SeedWorld);  // S0001's certificate expires in 31 days
    EXPECT_FALSE(f.tb.bank->in_renewal_window(cp::Holder::user("S0001")));
    ASSERT_EQ(f.logged_in, FlowResult::Ok);
    EXPECT_EQ(f.r->start(), BankResult::NotInRenewalWindow);
    EXPECT_EQ(f.r->step(), UserRenewal::Step::Failed);
    // The bank refuses it too, whatever a PC sends, and audits the refusal.
    cp::IssuedCertificate out;
    EXPECT_EQ(f.tb.bank->issue_renewal(cp::Holder::user("S0001"), {}, out, "user-pc"), BankResult::NotInRenewalWindow);
    EXPECT_EQ(count(*f.tb.bank, cp::AuditAction::UserRenewal, "S0001", BankResult::NotInRenewalWindow), 1u);
    // One day later the window is open.
    ASSERT_EQ(f.tb.bank->advance_time(cp::days(1)), FlowResult::Ok);
    EXPECT_TRUE(f.tb.bank->in_renewal_window(cp::Holder::user("S0001")));
}

TEST(UserRenewal, AfterExpiryTheLoginItselfIsRefusedAndTheAdministratorReissues) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    EXPECT_FALSE(tb.bank->in_renewal_window(cp::Holder::user("S0001")));
    UserLogin login(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(log_in(login, tb.user_cert("S0001")), BankResult::CertificateExpired);
    cp::IssuedCertificate out;
    EXPECT_EQ(tb.bank->issue_renewal(cp::Holder::user("S0001"), {}, out, "user-pc"), BankResult::NotInRenewalWindow);
    // Seed 001: the administrator's 再発行, then the user's pickup.
    cp::test::reissue(tb, "S0001");
    EXPECT_EQ(tb.bank->check_pickup_allowed("S0001"), FlowResult::Ok);
}

TEST(UserRenewal, ASuspendedUserOrALockedContractGetsNothing) {
    Renewing f;
    ASSERT_EQ(f.logged_in, FlowResult::Ok);
    to_protection(*f.r);
    f.tb.bank->mutable_state_for_presets().users[0].suspended = true;  // 利用中止 while the dialogs were open
    EXPECT_EQ(f.r->choose_protection(KeyProtection::Medium), BankResult::UserSuspended);
    EXPECT_EQ(f.r->step(), UserRenewal::Step::Failed);
    f.tb.bank->mutable_state_for_presets().users[0].suspended = false;
    f.tb.bank->mutable_state_for_presets().contract.locked = true;
    cp::IssuedCertificate out;
    EXPECT_EQ(f.tb.bank->issue_renewal(cp::Holder::user("S0001"), {}, out, "user-pc"), BankResult::ContractLocked);
    EXPECT_EQ(f.tb.bank->issue_renewal(cp::Holder::user("S9999"), {}, out, "user-pc"), BankResult::UnknownUser);
}

TEST(UserRenewal, OnlyAfterTheLogin) {
    cp::test::TestBank tb(cp::Preset::UserRenewalWindow);
    UserLogin login(*tb.bank, tb.user_pc.services());
    ASSERT_EQ(cp::test::choose(login, tb.user_cert("S0001")), FlowResult::Ok);  // the PIN not yet entered
    UserRenewal r(*tb.bank, login, tb.world.user_pc, tb.user_pc.services());
    EXPECT_EQ(r.start(), FlowResult::WrongStep);
}

// Closing the window at each step: old or new, never half. The PC's key work is deferred so the
// close can fall while it runs (電子証明書発行処理中).
TEST(UserRenewal, ClosingAtEachStepKeepsTheOldCertificate) {
    for (int at = 0; at < 4; ++at) {
        cp::test::TestPc slow("slow user pc", cp::pki::LocalKeyJobRunner::Mode::Deferred);
        Renewing f(cp::Preset::UserRenewalWindow, &slow);
        ASSERT_EQ(f.logged_in, FlowResult::Ok);
        UserRenewal& r = *f.r;
        ASSERT_EQ(r.start(), FlowResult::Ok);
        if (at >= 1) {
            ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
            ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
        }
        if (at >= 2) {
            ASSERT_EQ(r.choose_protection(KeyProtection::Medium), FlowResult::Ok);
        }
        if (at == 2) {
            ASSERT_EQ(r.step(), UserRenewal::Step::WaitingForKey);
        }
        if (at == 3) {
            for (int i = 0; i < 6 && r.step() == UserRenewal::Step::WaitingForKey; ++i) slow.jobs.run_pending();
            ASSERT_EQ(r.step(), UserRenewal::Step::ConfirmInstall);
            EXPECT_EQ(f.tb.user("S0001").certificate, f.before) << "issued: the record switches only at the install";
        }
        EXPECT_EQ(r.cancel(), FlowResult::Cancelled) << at;
        f.r.reset();
        slow.jobs.run_pending();  // late key work lands nowhere
        EXPECT_EQ(count(*f.tb.bank, cp::AuditAction::CertificateInstallFailed, "S0001", FlowResult::Cancelled), at == 3 ? 1u : 0u)
            << "what was issued and never installed is reported (and revoked)";
        f.expect_old_kept(at == 0 ? "at the first confirmation" : at == 1 ? "at the protection level" : at == 2 ? "while issuing" : "at the install");
    }
}

}  // namespace
