// A user's own 証明書更新 through the session (seed 000 A3): 利用者ログイン on 利用者のパソコン →
// 証明書更新 → the administrator's dialogs and protection levels → 完了, what a reload finds on the
// PC and at the bank, every いいえ, closing mid-way, the window, and OpenSSL's word on the new
// certificate against the bank's CA and CRL.
#include <gtest/gtest.h>

#include "bank/clock.h"
#include "openssl_bank.h"
#include "pki_test_util.h"
#include "session_fixture.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::KeyProtection;
using cp::UserFlow;
using cp::test::PageLoad;
using RScreen = cp::RenewalFlow::Screen;
namespace cmd = cp::cmd;
namespace ucmd = cp::cmd::user;

UserFlow& flow(PageLoad& page) { return *page.session.user_flow(); }
UserFlow::Screen screen(PageLoad& page) {
    return page.session.user_flow() != nullptr ? flow(page).screen() : UserFlow::Screen::Failed;
}
RScreen renewal_screen(PageLoad& page) {
    return flow(page).renewal_flow() != nullptr ? flow(page).renewal_flow()->screen() : RScreen::Failed;
}
std::string s0001_serial(PageLoad& page) { return page.bank().find_user("S0001")->certificate.serial; }
const cp::PcCertificateStore& user_pc(PageLoad& page) { return *page.session.pc_store(cp::PcId::User); }

// 利用者のパソコン → 電子証明書方式 利用者ログイン → `serial` → 許可 (or the key's password) →
// 利用者暗証番号 → ログオン: where it leads.
UserFlow::Screen log_in(PageLoad& page, const std::string& serial, std::string_view key_password = {}) {
    page.apply(cmd::SwitchPc{cp::PcId::User});
    page.apply(cmd::StartUserLogin{});
    page.apply(ucmd::ChooseCertificate{serial});
    if (screen(page) == UserFlow::Screen::LoginKeyAccess) {
        page.apply(ucmd::GrantKeyAccess{cp::Secret(key_password)});
    }
    if (screen(page) != UserFlow::Screen::LoginPin) return screen(page);
    page.apply(ucmd::SubmitPin{cp::Secret(cp::kSeedSecrets.s0001_pin)});
    return screen(page);
}

// Logged on, 証明書更新 → 更新: the first web access confirmation.
void open_renewal(PageLoad& page) {
    ASSERT_EQ(log_in(page, s0001_serial(page)), UserFlow::Screen::LoginLanding);
    ASSERT_TRUE(flow(page).renewal_offered());
    page.apply(cmd::OpenRenewal{});
    ASSERT_EQ(screen(page), UserFlow::Screen::Renewal);
    ASSERT_EQ(renewal_screen(page), RScreen::Start);
    page.apply(cmd::StartRenewal{});
    ASSERT_EQ(renewal_screen(page), RScreen::WebAccess);
}

// The same from a fresh UserRenewalWindow preset.
void to_first_confirmation(PageLoad& page) {
    page.load_preset(cp::Preset::UserRenewalWindow);
    open_renewal(page);
}

void confirm_web_access(PageLoad& page) {
    for (std::uint32_t i = 0; i < page.bank().state().config.web_access_confirmations; ++i) {
        ASSERT_EQ(renewal_screen(page), RScreen::WebAccess);
        page.apply(cmd::AnswerWebAccess{true});
    }
    ASSERT_EQ(renewal_screen(page), RScreen::Protection);
}

// The whole renewal at 中 in the world loaded; returns the new serial.
std::string renew(PageLoad& page) {
    open_renewal(page);
    confirm_web_access(page);
    page.apply(cmd::AnswerProtection{true});
    page.apply(cmd::AnswerWebAccess{true});
    EXPECT_EQ(renewal_screen(page), RScreen::Done) << result_name(flow(page).renewal_flow()->renewal().failure());
    return flow(page).renewal_flow()->renewal().new_serial();
}

TEST(UserRenewalFlow, RenewsFromTheLandingPageAndAReloadFindsOldAndNew) {
    cp::test::BrowserProfile profile;
    std::string old_serial, new_serial;
    {
        PageLoad page(profile);
        page.load_preset(cp::Preset::UserRenewalWindow);
        old_serial = s0001_serial(page);
        new_serial = renew(page);
        EXPECT_NE(new_serial, old_serial);
        EXPECT_EQ(s0001_serial(page), new_serial);
        EXPECT_EQ(user_pc(page).certificates.size(), 3u) << "S0001 old and new, S0002's";
        EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
        EXPECT_FALSE(page.session.saving()) << "saved before the next screen";
        page.apply(cmd::CloseRenewal{});  // このウィンドウを閉じる
        EXPECT_EQ(screen(page), UserFlow::Screen::LoginLanding);
        EXPECT_FALSE(flow(page).renewal_offered()) << "a new year: outside the window again";
        EXPECT_EQ(flow(page).apply(cmd::OpenRenewal{}), BankResult::NotInRenewalWindow);
    }
    PageLoad reload(profile);
    ASSERT_EQ(user_pc(reload).certificates.size(), 3u) << "both saved on the PC";
    EXPECT_EQ(user_pc(reload).find(new_serial)->subject.holder_id, "S0001");
    EXPECT_EQ(s0001_serial(reload), new_serial) << "the bank saved after the PC";
    EXPECT_TRUE(reload.bank().state().audit.verify());
    EXPECT_EQ(log_in(reload, new_serial), UserFlow::Screen::LoginLanding);
    EXPECT_EQ(flow(reload).login_certificate()->serial, new_serial);
    reload.apply(cmd::LeaveFlow{});
    EXPECT_EQ(log_in(reload, old_serial), UserFlow::Screen::Failed);
    EXPECT_EQ(flow(reload).failure(), BankResult::CertificateSuperseded);
}

TEST(UserRenewalFlow, NoAtEachConfirmationInstallsNothingAndTheOldOneStillWorks) {
    for (int at = 0; at < 3; ++at) {
        cp::test::BrowserProfile profile;
        PageLoad page(profile);
        to_first_confirmation(page);
        const std::string old_serial = s0001_serial(page);
        if (at >= 1) page.apply(cmd::AnswerWebAccess{true});
        if (at == 2) {
            page.apply(cmd::AnswerWebAccess{true});
            page.apply(cmd::AnswerProtection{true});
            ASSERT_EQ(renewal_screen(page), RScreen::Install);
        }
        page.apply(cmd::AnswerWebAccess{false});
        EXPECT_EQ(renewal_screen(page), RScreen::Failed) << at;
        EXPECT_EQ(flow(page).renewal_flow()->renewal().failure(), at == 2 ? PcResult::InstallDeclined : FlowResult::Cancelled);
        EXPECT_EQ(user_pc(page).certificates.size(), 2u);
        EXPECT_EQ(s0001_serial(page), old_serial);
        page.apply(cmd::CloseRenewal{});
        EXPECT_EQ(screen(page), UserFlow::Screen::LoginLanding);
        EXPECT_TRUE(flow(page).renewal_offered()) << "still inside the window: try again";
        page.apply(cmd::LeaveFlow{});
        EXPECT_EQ(log_in(page, old_serial), UserFlow::Screen::LoginLanding) << at;
    }
}

TEST(UserRenewalFlow, HighProtectionThroughTheSettingsAsksThePasswordAtTheNextLogon) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    to_first_confirmation(page);
    confirm_web_access(page);
    page.apply(cmd::OpenProtectionSettings{});
    ASSERT_EQ(renewal_screen(page), RScreen::ProtectionSettings);
    page.apply(cmd::SetProtectionChoice{KeyProtection::High});
    cp::RenewalFlow& r = *flow(page).renewal_flow();
    EXPECT_EQ(flow(page).apply(cmd::CloseProtectionSettings{true, cp::Secret("Kagi-2024"), cp::Secret("Kagi-2025")}), BankResult::InvalidInput);
    EXPECT_EQ(r.field_error(cp::RenewalFlow::Field::NewKeyPasswordAgain), cp::InputError::Mismatch);
    EXPECT_EQ(flow(page).apply(cmd::CloseProtectionSettings{true, cp::Secret("Kagi-2024"), cp::Secret("Kagi-2024")}), FlowResult::Ok);
    ASSERT_EQ(renewal_screen(page), RScreen::Protection);
    EXPECT_EQ(r.protection(), KeyProtection::High);
    page.apply(cmd::AnswerProtection{true});
    page.apply(cmd::AnswerWebAccess{true});
    ASSERT_EQ(renewal_screen(page), RScreen::Done);
    const std::string serial = r.renewal().new_serial();
    EXPECT_EQ(user_pc(page).find(serial)->protection, KeyProtection::High);
    page.apply(cmd::LeaveFlow{});
    page.apply(cmd::StartUserLogin{});
    page.apply(ucmd::ChooseCertificate{serial});
    ASSERT_EQ(screen(page), UserFlow::Screen::LoginKeyAccess);
    EXPECT_TRUE(flow(page).login()->key_access_needs_password());
    EXPECT_EQ(flow(page).apply(ucmd::GrantKeyAccess{}), BankResult::InvalidInput) << "nothing typed";
    EXPECT_EQ(flow(page).field_error(UserFlow::Field::KeyPassword), cp::InputError::Empty);
    flow(page).view().key_password.assign("wrong-one");
    EXPECT_EQ(flow(page).apply(ucmd::GrantKeyAccess{cp::Secret(flow(page).view().key_password)}), PcResult::WrongKeyPassword);
    EXPECT_TRUE(flow(page).view().key_password.empty()) << "the typed password is wiped after use";
    EXPECT_EQ(screen(page), UserFlow::Screen::LoginKeyAccess);
    flow(page).view().key_password.assign("typed, then 拒否");
    EXPECT_EQ(flow(page).apply(ucmd::DenyKeyAccess{}), PcResult::KeyAccessDenied);
    EXPECT_TRUE(flow(page).view().key_password.empty()) << "wiped on 拒否 too";
    page.apply(cmd::LeaveFlow{});
    EXPECT_EQ(log_in(page, serial, "Kagi-2024"), UserFlow::Screen::LoginLanding);
}

TEST(UserRenewalFlow, ClosingThePageMidWayLeavesTheOldCertificateInUse) {
    cp::test::BrowserProfile profile;
    std::string old_serial;
    {
        PageLoad page(profile);
        to_first_confirmation(page);
        old_serial = s0001_serial(page);
        confirm_web_access(page);
        page.apply(cmd::AnswerProtection{true});
        ASSERT_EQ(renewal_screen(page), RScreen::Install);  // issued, not installed
        page.apply(cmd::SwitchPc{cp::PcId::Admin});         // the person stands up: the page is gone
        EXPECT_EQ(page.session.user_flow(), nullptr);
        EXPECT_EQ(user_pc(page).certificates.size(), 2u);
        EXPECT_EQ(s0001_serial(page), old_serial);
    }
    PageLoad reload(profile);
    EXPECT_EQ(user_pc(reload).certificates.size(), 2u);
    EXPECT_EQ(s0001_serial(reload), old_serial);
    bool reported = false;
    for (const cp::AuditEntry& e : reload.bank().state().audit.entries())
        reported |= e.action == cp::AuditAction::CertificateInstallFailed && e.actor == "S0001" && e.result == FlowResult::Cancelled;
    EXPECT_TRUE(reported) << "the bank audited (and revoked) what was issued and never installed";
    EXPECT_EQ(log_in(reload, old_serial), UserFlow::Screen::LoginLanding);
}

TEST(UserRenewalFlow, OnlyInsideTheWindowAndNotAfterExpiry) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);  // the seed world: S0001's certificate expires in 31 days
    ASSERT_EQ(log_in(page, s0001_serial(page)), UserFlow::Screen::LoginLanding);
    EXPECT_FALSE(flow(page).renewal_offered());
    EXPECT_EQ(flow(page).apply(cmd::OpenRenewal{}), BankResult::NotInRenewalWindow);
    EXPECT_EQ(screen(page), UserFlow::Screen::LoginLanding);
    EXPECT_EQ(flow(page).apply(cmd::StartRenewal{}), FlowResult::WrongStep);
    page.apply(cmd::LeaveFlow{});
    page.load_preset(cp::Preset::UserCertificateExpired);
    EXPECT_EQ(log_in(page, s0001_serial(page)), UserFlow::Screen::Failed);
    EXPECT_EQ(flow(page).failure(), BankResult::CertificateExpired) << "the administrator reissues (seed 001)";
    // Before the PIN, nothing is offered either.
    page.apply(cmd::LeaveFlow{});
    page.load_preset(cp::Preset::UserRenewalWindow);
    page.apply(cmd::StartUserLogin{});
    EXPECT_EQ(flow(page).apply(cmd::OpenRenewal{}), FlowResult::WrongStep);
}

TEST(UserRenewalFlow, TheNewCertificateVerifiesAgainstTheBanksCaWithOpenssl) {
    CP_SKIP_WITHOUT_OPENSSL();
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    page.load_preset(cp::Preset::UserRenewalWindow);
    const std::string old_serial = s0001_serial(page);
    const std::string new_serial = renew(page);
    cp::pki::test::TempDir dir;
    for (const std::string& serial : {new_serial, old_serial}) {
        const cp::InstalledCertificate* ic = user_pc(page).find(serial);
        ASSERT_NE(ic, nullptr);
        const std::string verified = cp::test::openssl_verify_with_bank(*page.session.simulation(), *ic, page.bank().now(), dir);
        EXPECT_NE(verified.find("OK"), std::string::npos) << serial << ": " << verified;
        if (serial == new_serial) {
            const auto subject = cp::pki::test::run_openssl("x509 -noout -subject -in " + dir.path("leaf.pem"));
            EXPECT_NE(subject.output.find("S0001"), std::string::npos) << subject.output;
            EXPECT_EQ(ic->not_after, cp::add_jst_years(page.bank().now(), 1)) << "valid one year to the same date and time (the seed)";
        }
    }
}

}  // namespace
