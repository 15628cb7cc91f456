// The user's flow (seed 001 part 2) through the Session's commands: both pickup paths to 取得完了
// with the certificate saved on 利用者のパソコン (a second page load sees it), every failure path
// the seed names, the browser's settings (kind, IE mode), the clock following real time (the
// token's code), and 電子証明書方式 利用者ログイン with the new certificate.
#include <gtest/gtest.h>

#include "session_fixture.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::UserFlow;
using cp::test::PageLoad;
using UserScreen = UserFlow::Screen;  // not Screen: the admin tests' alias shares their unity unit
namespace cmd = cp::cmd;
namespace ucmd = cp::cmd::user;

// The administrator's reissue, as the bank records it (the admin's screens are tested elsewhere).
void reissue(PageLoad& page, const char* user) {
    ASSERT_EQ(page.bank().apply_user_certificate_action(user, cp::UserCertificateAction::Reissue,
                                                        cp::kSeedSecrets.confirmation_pin),
              FlowResult::Ok);
    page.session.update();
}

UserFlow& flow(PageLoad& page) { return *page.session.user_flow(); }
UserScreen screen(PageLoad& page) { return page.session.user_flow() != nullptr ? flow(page).screen() : UserScreen::Failed; }

// 利用者のパソコン → 電子証明書取得 → the IDs → 次へ.
void enter_ids(PageLoad& page, const char* user = "S0001", std::string_view pin = cp::kSeedSecrets.s0001_pin) {
    page.apply(cmd::SwitchPc{cp::PcId::User});
    ASSERT_TRUE(page.apply(cmd::StartUserPickup{}));
    ASSERT_EQ(screen(page), UserScreen::PickupIds);
    // As the page sends it: what the three fields hold.
    cp::UserFlow::View& typed = flow(page).view();
    typed.contract_id.assign(cp::kSeedSecrets.contract_id);
    typed.user_id.assign(user);
    typed.user_pin.assign(pin);
    page.apply(ucmd::SubmitIds{std::string(typed.contract_id.view()), std::string(typed.user_id.view()), cp::Secret(typed.user_pin)});
}

void enter_token_code(PageLoad& page, const char* user = "S0001") {
    page.apply(ucmd::SubmitOneTimePassword{cp::Secret(page.bank().token_display(user))});
}

// After a reissue, S0001's pickup up to the acquisition app running (ダウンロード, then opened).
void app_started(PageLoad& page) {
    reissue(page, "S0001");
    enter_ids(page);
    enter_token_code(page);
    page.apply(ucmd::Download{});
    page.apply(ucmd::OpenDownload{});
}

TEST(UserFlow, AppPathFromTheTopPageToTheCompletionAndALaterPageLoadSeesTheCertificate) {
    cp::test::BrowserProfile profile;
    std::string serial;
    {
        PageLoad page(profile);
        reissue(page, "S0001");
        enter_ids(page);
        ASSERT_EQ(screen(page), UserScreen::PickupOneTimePassword) << result_name(flow(page).last_result());
        EXPECT_TRUE(flow(page).view().user_pin.empty()) << "the PIN is wiped once submitted";
        EXPECT_EQ(flow(page).pickup_deadline(), page.bank().now() + cp::days(80));
        enter_token_code(page);
        ASSERT_EQ(screen(page), UserScreen::PickupCaPage) << result_name(flow(page).last_result());
        EXPECT_EQ(flow(page).app_window(), UserFlow::AppWindow::Closed);
        // 取得 before the app runs: refused, the page says so.
        EXPECT_EQ(flow(page).apply(ucmd::Acquire{}), PcResult::AcquisitionAppNotRunning);
        EXPECT_EQ(flow(page).apply(ucmd::OpenDownload{}), FlowResult::WrongStep) << "nothing downloaded yet";
        page.apply(ucmd::Download{});
        EXPECT_TRUE(flow(page).downloaded());
        page.apply(ucmd::OpenDownload{});
        EXPECT_EQ(flow(page).app_window(), UserFlow::AppWindow::Ready);
        const std::size_t before = page.session.pc_store(cp::PcId::User)->certificates.size();
        page.apply(ucmd::Acquire{});
        EXPECT_FALSE(page.session.saving());
        ASSERT_EQ(flow(page).app_window(), UserFlow::AppWindow::Done) << cp::user_screen_name(screen(page));
        EXPECT_EQ(flow(page).progress(), UserFlow::Progress::Done);
        EXPECT_EQ(screen(page), UserScreen::PickupCaPage) << "the app shows 取得完了 until it is closed";
        page.apply(ucmd::CloseApp{});
        EXPECT_EQ(screen(page), UserScreen::PickupDone);
        ASSERT_EQ(page.session.pc_store(cp::PcId::User)->certificates.size(), before + 1);
        serial = flow(page).pickup()->installed_serial();
        EXPECT_EQ(page.bank().find_user("S0001")->certificate.status, cp::CertStatus::Valid);
        EXPECT_EQ(page.bank().find_user("S0001")->certificate.serial, serial);
        EXPECT_EQ(page.session.pc_store(cp::PcId::User)->find(serial)->protection, cp::KeyProtection::Medium);
    }
    PageLoad reloaded(profile);
    EXPECT_EQ(reloaded.session.user_flow(), nullptr) << "a reload lands on the top page";
    ASSERT_NE(reloaded.session.pc_store(cp::PcId::User)->find(serial), nullptr) << "certificate and key were saved";
    EXPECT_EQ(reloaded.bank().find_user("S0001")->certificate.status, cp::CertStatus::Valid);
}

// The PC's store cannot save the certificate the app installed (its database is full): the
// pickup does not say 取得完了; it ends with the storage's reason, and the bank, told the PC holds
// nothing, has revoked the certificate as not installed (the administrator must reissue).
TEST(UserFlow, AFailedSaveOfThePickedUpCertificateEndsThePickupWithTheReason) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    app_started(page);
    ASSERT_EQ(flow(page).app_window(), UserFlow::AppWindow::Ready);
    profile.databases["pc:" + std::string(cp::kUserPcName)].set_quota_bytes(64);  // the certificate does not fit
    page.apply(ucmd::Acquire{});
    EXPECT_FALSE(page.session.saving());
    EXPECT_EQ(page.session.save_failure(), cp::PersistResult::StorageFailed);
    EXPECT_EQ(screen(page), UserScreen::Failed) << cp::user_screen_name(screen(page));
    EXPECT_EQ(flow(page).failure(), cp::PersistResult::StorageFailed);
    EXPECT_EQ(flow(page).app_window(), UserFlow::AppWindow::Closed) << "no 取得完了 in the app either";
    EXPECT_EQ(page.bank().find_user("S0001")->certificate.status, cp::CertStatus::Revoked) << "the admin must reissue";
}

TEST(UserFlow, ThePickupIsOnlyOnTheUsersPc) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    EXPECT_FALSE(page.apply(cmd::StartUserPickup{}));
    EXPECT_EQ(page.session.user_flow(), nullptr);
    EXPECT_EQ(page.session.last_result(), FlowResult::WrongStep);
    EXPECT_TRUE(page.apply(cmd::StartUserLogin{})) << "a login may be tried anywhere (the seed's wrong-certificate error)";
}

TEST(UserFlow, EachFieldGetsItsOwnMessage) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    reissue(page, "S0001");
    page.apply(cmd::SwitchPc{cp::PcId::User});
    page.apply(cmd::StartUserPickup{});
    EXPECT_EQ(flow(page).apply(ucmd::SubmitIds{"1234", "S 0001", cp::Secret("abcdefgh")}), BankResult::InvalidInput);
    EXPECT_EQ(flow(page).field_error(UserFlow::Field::ContractId), cp::InputError::NotElevenDigits);
    EXPECT_NE(flow(page).field_error(UserFlow::Field::UserId), cp::InputError::None);
    EXPECT_EQ(flow(page).field_error(UserFlow::Field::UserPin), cp::InputError::NeedsLettersAndDigits);
    EXPECT_EQ(page.bank().find_user("S0001")->pin_failures, 0u) << "a malformed entry never reaches the bank";
    EXPECT_EQ(screen(page), UserScreen::PickupIds);
}

TEST(UserFlow, WrongPinsCountTowardTheLockAndALockedUserIsStopped) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    reissue(page, "S0001");
    enter_ids(page, "S0001", "wrong0001");
    EXPECT_EQ(flow(page).last_result(), BankResult::WrongUserPin);
    EXPECT_EQ(flow(page).tries_left(), 6u);
    EXPECT_EQ(screen(page), UserScreen::PickupIds);
    for (int i = 0; i < 6; ++i) {
        page.apply(ucmd::SubmitIds{std::string(cp::kSeedSecrets.contract_id), "S0001", cp::Secret("wrong0001")});
    }
    EXPECT_EQ(screen(page), UserScreen::Failed);
    EXPECT_EQ(flow(page).failure(), BankResult::UserSuspended);
    EXPECT_TRUE(page.bank().find_user("S0001")->suspended);
}

TEST(UserFlow, EveryPathThatNeedsTheAdministratorEndsTheFlow) {
    {  // no token: S0002
        cp::test::BrowserProfile profile;
        PageLoad page(profile);
        reissue(page, "S0002");
        enter_ids(page, "S0002", cp::kSeedSecrets.s0002_pin);
        EXPECT_EQ(flow(page).failure(), BankResult::NoTokenRegistered);
    }
    {  // nothing pending
        cp::test::BrowserProfile profile;
        PageLoad page(profile);
        enter_ids(page);
        EXPECT_EQ(flow(page).failure(), BankResult::NoPendingCertificate);
    }
    {  // the window passed
        cp::test::BrowserProfile profile;
        PageLoad page(profile);
        reissue(page, "S0001");
        page.apply(cmd::AdvanceClock{81});
        enter_ids(page);
        EXPECT_EQ(flow(page).failure(), BankResult::PickupWindowPassed);
    }
}

TEST(UserFlow, AReusedCodeIsRefusedAndANewOneIsAccepted) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    reissue(page, "S0001");
    enter_ids(page);
    const std::string code = page.bank().token_display("S0001");
    enter_token_code(page);
    ASSERT_EQ(screen(page), UserScreen::PickupCaPage);
    page.apply(cmd::LeaveFlow{});  // nothing was issued: the pickup is still there
    enter_ids(page);
    page.apply(ucmd::SubmitOneTimePassword{cp::Secret(code)});
    EXPECT_EQ(flow(page).last_result(), BankResult::OneTimePasswordReused);
    EXPECT_EQ(screen(page), UserScreen::PickupOneTimePassword) << "a new code can be typed";
    // Time passes (the clock follows the real one): the token shows a new code.
    page.session.follow_real_time(1000.0);
    page.session.follow_real_time(1030.5);
    EXPECT_NE(page.bank().token_display("S0001"), code);
    enter_token_code(page);
    EXPECT_EQ(screen(page), UserScreen::PickupCaPage);
}

TEST(UserFlow, ClosingTheAppMidWayUsesThePickupUpAndStoresNothing) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    app_started(page);
    page.user.device_key.set_deferred(true);  // the key's protection takes a while
    const std::size_t before = page.session.pc_store(cp::PcId::User)->certificates.size();
    page.apply(ucmd::Acquire{});
    ASSERT_EQ(flow(page).app_window(), UserFlow::AppWindow::Working);
    EXPECT_EQ(flow(page).progress(), UserFlow::Progress::Protection);
    page.apply(ucmd::CloseApp{});
    EXPECT_EQ(screen(page), UserScreen::Failed);
    EXPECT_EQ(flow(page).failure(), PcResult::AppClosedDuringAcquisition);
    page.user.device_key.run_pending();  // a late completion changes nothing
    EXPECT_EQ(page.session.pc_store(cp::PcId::User)->certificates.size(), before);
    EXPECT_EQ(page.bank().find_user("S0001")->certificate.status, cp::CertStatus::Revoked) << "the admin must reissue";
}

TEST(UserFlow, ClosingTheAppBeforeAcquireOnlyAsksToStartItAgain) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    app_started(page);
    page.apply(ucmd::CloseApp{});
    EXPECT_EQ(screen(page), UserScreen::PickupCaPage);
    EXPECT_EQ(flow(page).app_window(), UserFlow::AppWindow::Closed);
    EXPECT_EQ(page.bank().find_user("S0001")->certificate.status, cp::CertStatus::PendingPickup);
}

TEST(UserFlow, IeModePathWithYesAndWithNo) {
    {
        cp::test::BrowserProfile profile;
        PageLoad page(profile);
        reissue(page, "S0001");
        page.apply(cmd::SwitchPc{cp::PcId::User});
        ASSERT_TRUE(page.apply(cmd::ReloadInIeMode{}));
        EXPECT_TRUE(page.session.desk().ie_mode());
        EXPECT_TRUE(page.session.desk().ie_banner_open());
        page.apply(cmd::CloseIeBanner{});
        EXPECT_FALSE(page.session.desk().ie_banner_open());
        enter_ids(page);
        EXPECT_EQ(flow(page).path(), cp::AcquisitionPath::InternetExplorerMode);
        enter_token_code(page);
        ASSERT_EQ(screen(page), UserScreen::PickupWebAccess);
        page.apply(ucmd::AnswerWebAccess{true});
        EXPECT_EQ(screen(page), UserScreen::PickupDone);
        EXPECT_EQ(page.bank().find_user("S0001")->certificate.status, cp::CertStatus::Valid);
        page.apply(cmd::LeaveIeMode{});
        EXPECT_FALSE(page.session.desk().ie_mode());
        EXPECT_EQ(page.session.user_flow(), nullptr) << "leaving IE mode reloads the page";
    }
    {
        cp::test::BrowserProfile profile;
        PageLoad page(profile);
        reissue(page, "S0001");
        page.apply(cmd::SwitchPc{cp::PcId::User});
        page.apply(cmd::ReloadInIeMode{});
        enter_ids(page);
        enter_token_code(page);
        const std::size_t before = page.session.pc_store(cp::PcId::User)->certificates.size();
        page.apply(ucmd::AnswerWebAccess{false});
        EXPECT_EQ(flow(page).failure(), PcResult::InstallDeclined);
        EXPECT_EQ(page.session.pc_store(cp::PcId::User)->certificates.size(), before);
        EXPECT_EQ(page.bank().find_user("S0001")->certificate.status, cp::CertStatus::Revoked);
    }
}

TEST(UserFlow, ChromeHasNoIeModeAndSwitchingBrowsersLeavesIt) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    page.apply(cmd::SwitchPc{cp::PcId::User});
    page.apply(cmd::ReloadInIeMode{});
    ASSERT_TRUE(page.session.desk().ie_mode());
    page.apply(cmd::SetBrowserKind{cp::BrowserKind::Chrome});
    EXPECT_FALSE(page.session.desk().ie_mode());
    EXPECT_FALSE(page.apply(cmd::ReloadInIeMode{}));
    EXPECT_FALSE(page.session.desk().ie_mode());
}

TEST(UserFlow, LoginWithTheNewCertificateAndWithTheAdministratorsOne) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    app_started(page);
    page.apply(ucmd::Acquire{});
    const std::string serial = flow(page).pickup()->installed_serial();
    ASSERT_FALSE(serial.empty());
    ASSERT_TRUE(page.apply(cmd::StartUserLogin{}));
    EXPECT_EQ(screen(page), UserScreen::LoginChooseCertificate);
    page.apply(ucmd::ChooseCertificate{serial});
    ASSERT_EQ(screen(page), UserScreen::LoginKeyAccess);
    page.apply(ucmd::GrantKeyAccess{});
    ASSERT_EQ(screen(page), UserScreen::LoginPin) << result_name(flow(page).failure());
    EXPECT_EQ(flow(page).apply(ucmd::SubmitPin{}), BankResult::InvalidInput);
    page.apply(ucmd::SubmitPin{cp::Secret("wrong0001")});
    EXPECT_EQ(flow(page).last_result(), BankResult::WrongUserPin);
    EXPECT_GT(flow(page).tries_left(), 0u);
    page.apply(ucmd::SubmitPin{cp::Secret(cp::kSeedSecrets.s0001_pin)});
    ASSERT_EQ(screen(page), UserScreen::LoginLanding);
    EXPECT_EQ(flow(page).user()->name, "しんきん 太郎 1");
    ASSERT_NE(flow(page).login_certificate(), nullptr);
    EXPECT_EQ(flow(page).login_certificate()->serial, serial);

    // The old certificate (revoked by the reissue) is refused.
    page.apply(cmd::StartUserLogin{});
    const std::string old_serial = page.session.pc_store(cp::PcId::User)->certificates.front().serial;
    ASSERT_NE(old_serial, serial);
    page.apply(ucmd::ChooseCertificate{old_serial});
    if (screen(page) == UserScreen::LoginKeyAccess) page.apply(ucmd::GrantKeyAccess{});
    EXPECT_EQ(screen(page), UserScreen::Failed);

    // On 管理者のパソコン: the administrator's certificate is not a user's.
    page.apply(cmd::SwitchPc{cp::PcId::Admin});
    page.apply(cmd::StartUserLogin{});
    page.apply(ucmd::ChooseCertificate{page.session.pc_store(cp::PcId::Admin)->certificates.front().serial});
    if (screen(page) == UserScreen::LoginKeyAccess) page.apply(ucmd::GrantKeyAccess{});
    EXPECT_EQ(flow(page).failure(), BankResult::NotUserCertificate);
}

TEST(UserFlow, TheClockFollowsRealTimeInWholeSeconds) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    const cp::SimTime start = page.bank().now();
    page.session.follow_real_time(10.0);  // the baseline
    EXPECT_EQ(page.bank().now(), start);
    page.session.follow_real_time(10.6);
    EXPECT_EQ(page.bank().now(), start);
    page.session.follow_real_time(12.7);
    EXPECT_EQ(page.bank().now(), start + 2);
    page.session.follow_real_time(13.0);
    EXPECT_EQ(page.bank().now(), start + 3) << "the fractions are kept";
    const std::size_t audit = page.bank().state().audit.entries().size();
    page.session.follow_real_time(100.0);
    EXPECT_EQ(page.bank().state().audit.entries().size(), audit) << "passing seconds are not operations";
}

}  // namespace
