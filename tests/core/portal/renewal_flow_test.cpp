// The administrator's 証明書更新 through the session (seed 000 (6)-(12)): every いいえ, the protection
// levels, closing the page mid-way, the renewal window, and what a reload finds on 管理者のパソコン.
#include <gtest/gtest.h>

#include "portal/screen_shown.h"
#include "session_fixture.h"

namespace {

using cp::AdminFlow;
using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::KeyProtection;
using Screen = AdminFlow::Screen;
using RScreen = cp::RenewalFlow::Screen;
namespace cmd = cp::cmd;

cp::pki::LocalKeyJobRunner::Mode pki_deferred() { return cp::pki::LocalKeyJobRunner::Mode::Deferred; }

// The renewal window preset, logged on, 証明書更新 → 更新: the first web access confirmation.
void to_first_confirmation(cp::test::PageLoad& page) {
    page.load_preset(cp::Preset::AdminRenewalWindow);
    cp::test::log_in_as_admin(page);
    ASSERT_TRUE(page.flow().renewal_offered());
    page.apply(cmd::OpenRenewal{});
    // Nested as in the user's flow: one screen of the administrator's, the renewal's own step.
    ASSERT_EQ(page.screen(), Screen::Renewal);
    ASSERT_EQ(page.renewal_screen(), RScreen::Start);
    page.apply(cmd::StartRenewal{});
    ASSERT_EQ(page.screen(), Screen::Renewal);
    ASSERT_EQ(page.renewal_screen(), RScreen::WebAccess);
    EXPECT_EQ(cp::screen_shown(page.session), "admin/Renewal/WebAccess");
}

// はい at every confirmation before issuing (twice by default, BankConfig).
void confirm_web_access(cp::test::PageLoad& page) {
    for (std::uint32_t i = 0; i < page.bank().state().config.web_access_confirmations; ++i) {
        ASSERT_EQ(page.renewal_screen(), RScreen::WebAccess);
        page.apply(cmd::AnswerWebAccess{true});
    }
    ASSERT_EQ(page.renewal_screen(), RScreen::Protection);
}

std::string admin_serial(cp::test::PageLoad& page) { return page.bank().state().contract.admin_certificate.serial; }

TEST(RenewalFlow, RenewsInstallsAndSavesTheNewCertificateBesideTheOldOne) {
    cp::test::BrowserProfile profile;
    std::string old_serial, new_serial;
    {
        cp::test::PageLoad page(profile);
        to_first_confirmation(page);
        old_serial = admin_serial(page);
        confirm_web_access(page);
        EXPECT_EQ(page.flow().renewal_protection(), KeyProtection::Medium) << "the seed: check that it is 中";
        page.apply(cmd::AnswerProtection{true});
        ASSERT_EQ(page.renewal_screen(), RScreen::Install) << "issued (immediate key jobs): the second confirmation";
        page.apply(cmd::AnswerWebAccess{true});
        ASSERT_EQ(page.renewal_screen(), RScreen::Done) << result_name(page.flow().failure());
        new_serial = page.flow().renewal()->new_serial();
        EXPECT_NE(new_serial, old_serial);
        EXPECT_EQ(admin_serial(page), new_serial);
        EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 2u);
        EXPECT_FALSE(page.session.saving());
        page.apply(cmd::ReturnToMenu{});  // このウィンドウを閉じる
        EXPECT_EQ(page.screen(), Screen::Menu);
        EXPECT_FALSE(page.flow().renewal_offered()) << "a new year: outside the window again";
    }
    cp::test::PageLoad reload(profile);
    const cp::PcCertificateStore& pc = *reload.session.pc_store(cp::PcId::Admin);
    ASSERT_EQ(pc.certificates.size(), 2u) << "both saved on the PC";
    EXPECT_NE(pc.find(new_serial), nullptr);
    EXPECT_EQ(admin_serial(reload), new_serial) << "the bank saved after the PC";
    cp::test::log_in_as_admin(reload);  // the last certificate of the store: the new one
    // The old one is refused now.
    reload.apply(cmd::LeaveFlow{});
    reload.apply(cmd::StartAdminLogin{});
    reload.apply(cmd::ChooseCertificate{old_serial});
    if (reload.screen() == Screen::KeyAccess) reload.apply(cmd::GrantKeyAccess{});
    EXPECT_EQ(reload.screen(), Screen::Failed);
    EXPECT_EQ(reload.flow().failure(), BankResult::CertificateSuperseded);
}

TEST(RenewalFlow, NoAtEitherWebAccessConfirmationInstallsNothing) {
    for (std::uint32_t at = 0; at < 2; ++at) {
        cp::test::BrowserProfile profile;
        cp::test::PageLoad page(profile);
        to_first_confirmation(page);
        const std::string old_serial = admin_serial(page);
        if (at == 1) page.apply(cmd::AnswerWebAccess{true});
        ASSERT_EQ(page.renewal_screen(), RScreen::WebAccess) << at;
        page.apply(cmd::AnswerWebAccess{false});
        EXPECT_EQ(page.renewal_screen(), RScreen::Failed);
        EXPECT_EQ(page.flow().failure(), FlowResult::Cancelled);
        EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
        EXPECT_EQ(admin_serial(page), old_serial);
        page.apply(cmd::ReturnToMenu{});
        EXPECT_EQ(page.screen(), Screen::Menu);
        EXPECT_TRUE(page.flow().renewal_offered()) << "still inside the window: try again";
        page.apply(cmd::LeaveFlow{});
        cp::test::log_in_as_admin(page);  // the old certificate works
    }
}

TEST(RenewalFlow, NoAtTheInstallConfirmationKeepsTheOldCertificateAndRevokesTheNewOne) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    to_first_confirmation(page);
    const std::string old_serial = admin_serial(page);
    confirm_web_access(page);
    page.apply(cmd::AnswerProtection{true});
    ASSERT_EQ(page.renewal_screen(), RScreen::Install);
    page.apply(cmd::AnswerWebAccess{false});
    EXPECT_EQ(page.renewal_screen(), RScreen::Failed);
    EXPECT_EQ(page.flow().failure(), PcResult::InstallDeclined);
    EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
    EXPECT_EQ(admin_serial(page), old_serial);
    page.apply(cmd::LeaveFlow{});
    cp::test::log_in_as_admin(page);  // the old certificate works
}

TEST(RenewalFlow, HighProtectionAsksThePasswordTwiceAndAtTheNextLogon) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    to_first_confirmation(page);
    confirm_web_access(page);
    page.apply(cmd::OpenProtectionSettings{});
    ASSERT_EQ(page.renewal_screen(), RScreen::ProtectionSettings);
    page.apply(cmd::SetProtectionChoice{KeyProtection::High});
    EXPECT_EQ(page.flow().apply(cmd::CloseProtectionSettings{true, cp::Secret("Kagi-2024"), cp::Secret("Kagi-2025")}),
              BankResult::InvalidInput);
    EXPECT_EQ(page.flow().renewal_flow()->field_error(cp::RenewalFlow::Field::NewKeyPasswordAgain), cp::InputError::Mismatch);
    EXPECT_EQ(page.renewal_screen(), RScreen::ProtectionSettings);
    EXPECT_EQ(page.flow().apply(cmd::CloseProtectionSettings{true, cp::Secret("Kagi-2024"), cp::Secret("")}), BankResult::InvalidInput);
    EXPECT_EQ(page.flow().renewal_flow()->field_error(cp::RenewalFlow::Field::NewKeyPasswordAgain), cp::InputError::Empty);
    cp::RenewalFlow::View& typed = page.flow().renewal_flow()->view();  // as the dialog's fields hold it
    typed.new_key_password.assign("Kagi-2024");
    typed.new_key_password_again.assign("Kagi-2024");
    EXPECT_EQ(page.flow().apply(cmd::CloseProtectionSettings{true, cp::Secret(typed.new_key_password), cp::Secret(typed.new_key_password_again)}),
              FlowResult::Ok);
    EXPECT_TRUE(page.flow().renewal_flow()->view().new_key_password.empty()) << "the form forgets the password";
    ASSERT_EQ(page.renewal_screen(), RScreen::Protection);
    EXPECT_EQ(page.flow().renewal_protection(), KeyProtection::High);
    page.apply(cmd::AnswerProtection{true});
    page.apply(cmd::AnswerWebAccess{true});
    ASSERT_EQ(page.renewal_screen(), RScreen::Done);
    const std::string serial = page.flow().renewal()->new_serial();
    EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->find(serial)->protection, KeyProtection::High);
    // The next logon with the new certificate asks the key's password.
    page.apply(cmd::LeaveFlow{});
    page.apply(cmd::StartAdminLogin{});
    page.apply(cmd::ChooseCertificate{serial});
    ASSERT_EQ(page.screen(), Screen::KeyAccess);
    EXPECT_TRUE(page.flow().login().key_access_needs_password());
    page.apply(cmd::GrantKeyAccess{});  // nothing typed: refused on the form, the key never asked
    EXPECT_EQ(page.screen(), Screen::KeyAccess);
    EXPECT_EQ(page.flow().last_result(), BankResult::InvalidInput);
    EXPECT_EQ(page.flow().field_error(cp::AdminFlow::Field::KeyPassword), cp::InputError::Empty);
    page.flow().view().key_password.assign("wrong-one");
    page.apply(cmd::GrantKeyAccess{cp::Secret(page.flow().view().key_password)});
    EXPECT_EQ(page.screen(), Screen::KeyAccess);
    EXPECT_EQ(page.flow().last_result(), PcResult::WrongKeyPassword);
    EXPECT_TRUE(page.flow().view().key_password.empty()) << "the typed password is wiped after use";
    page.apply(cmd::GrantKeyAccess{cp::Secret("Kagi-2024")});
    EXPECT_EQ(page.screen(), Screen::ContractPin);
}

TEST(RenewalFlow, LowProtectionAndCancelInTheSettingsKeepsMedium) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    to_first_confirmation(page);
    confirm_web_access(page);
    page.apply(cmd::OpenProtectionSettings{});
    page.apply(cmd::SetProtectionChoice{KeyProtection::Low});
    page.apply(cmd::CloseProtectionSettings{false, cp::Secret(), cp::Secret()});  // キャンセル
    EXPECT_EQ(page.flow().renewal_protection(), KeyProtection::Medium);
    page.apply(cmd::OpenProtectionSettings{});
    EXPECT_EQ(page.flow().renewal_flow()->protection_choice(), KeyProtection::Medium) << "the dialog shows what is set";
    page.apply(cmd::SetProtectionChoice{KeyProtection::Low});
    page.apply(cmd::CloseProtectionSettings{true, cp::Secret(), cp::Secret()});
    EXPECT_EQ(page.flow().renewal_protection(), KeyProtection::Low);
    page.apply(cmd::AnswerProtection{true});
    page.apply(cmd::AnswerWebAccess{true});
    ASSERT_EQ(page.renewal_screen(), RScreen::Done);
    EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->find(page.flow().renewal()->new_serial())->protection, KeyProtection::Low);
}

TEST(RenewalFlow, CancelAtTheProtectedItemStopsWithNothingIssued) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    to_first_confirmation(page);
    confirm_web_access(page);
    page.apply(cmd::AnswerProtection{false});
    EXPECT_EQ(page.renewal_screen(), RScreen::Failed);
    EXPECT_EQ(page.flow().failure(), FlowResult::Cancelled);
    EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
}

TEST(RenewalFlow, ClosingThePageMidWayLeavesTheOldCertificateInUse) {
    cp::test::BrowserProfile profile;
    std::string old_serial;
    {
        cp::test::PageLoad page(profile);
        to_first_confirmation(page);
        old_serial = admin_serial(page);
        confirm_web_access(page);
        page.apply(cmd::AnswerProtection{true});
        ASSERT_EQ(page.renewal_screen(), RScreen::Install);  // issued, not installed
        page.apply(cmd::LeaveFlow{});                      // ログオフ / the window closed
        EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
        EXPECT_EQ(admin_serial(page), old_serial);
    }
    cp::test::PageLoad reload(profile);
    EXPECT_EQ(reload.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
    EXPECT_EQ(admin_serial(reload), old_serial);
    cp::test::log_in_as_admin(reload);
}

TEST(RenewalFlow, IssuingShowsRealProgressAndMovesOnByItself) {
    cp::test::BrowserProfile profile;
    { cp::test::PageLoad first(profile); first.load_preset(cp::Preset::AdminRenewalWindow); }
    cp::test::PageLoad page(profile, 7, pki_deferred());
    cp::test::log_in_as_admin(page);
    page.apply(cmd::OpenRenewal{});
    page.apply(cmd::StartRenewal{});
    confirm_web_access(page);
    page.apply(cmd::AnswerProtection{true});
    ASSERT_EQ(page.renewal_screen(), RScreen::Issuing) << "the PC is still making the key";
    EXPECT_EQ(page.flow().renewal()->enrollment_stage(), cp::EnrollmentStage::MakingKey);
    page.admin.jobs.run_pending();  // the key pair, then the CSR job is queued
    EXPECT_NE(page.flow().renewal()->enrollment_stage(), cp::EnrollmentStage::MakingKey);
    for (int i = 0; i < 4 && page.renewal_screen() == RScreen::Issuing; ++i) page.admin.jobs.run_pending();
    EXPECT_EQ(page.renewal_screen(), RScreen::Install) << "no click: the next screen came by itself";
}

TEST(RenewalFlow, OnlyInsideTheRenewalWindow) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);  // the seed world: the certificate expires in a year
    cp::test::log_in_as_admin(page);
    EXPECT_FALSE(page.flow().renewal_offered());
    EXPECT_EQ(page.flow().apply(cmd::OpenRenewal{}), BankResult::NotInRenewalWindow);
    EXPECT_EQ(page.screen(), Screen::Menu);
    EXPECT_EQ(page.flow().apply(cmd::StartRenewal{}), FlowResult::WrongStep);
}

}  // namespace
