// The portal's session and the administrator's flow (seed 001 part 1): the whole reissue through
// commands, every failure path the seeds name for it, saving after each step that changes the
// bank (a second page load sees it), and secrets wiped from the form.
#include <gtest/gtest.h>

#include <set>

#include "portal/messages.h"
#include "portal/screen_shown.h"
#include "session_fixture.h"

namespace {

using cp::AdminFlow;
using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::PersistResult;
using cp::test::PageLoad;
using Screen = AdminFlow::Screen;
namespace cmd = cp::cmd;

const std::string kUserPc = "pc:user-pc";

TEST(Session, StartsOnTheTopPageAtTheAdministratorsPc) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    EXPECT_EQ(page.session.admin_flow(), nullptr);
    EXPECT_EQ(page.session.desk().pc(), cp::PcId::Admin);
    ASSERT_NE(page.session.pc_store(cp::PcId::Admin), nullptr);
    EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
    EXPECT_EQ(page.session.pc_store(cp::PcId::User)->certificates.size(), 2u);
}

// The bank's pages before a login: the top page's buttons open 利用者ログイン's or 管理者ログイン's
// page; leaving a flow, another PC, a reload in IE mode and a new world go back to the top page; a
// clock move ends a flow started from a page and shows that page again.
TEST(Session, SitePagesAreOpenedAndLeftAsTheBanksSiteDoes) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    EXPECT_EQ(page.session.desk().site_page(), cp::SitePage::Top);
    EXPECT_TRUE(page.apply(cmd::OpenSitePage{cp::SitePage::AdminLogin}));
    EXPECT_EQ(page.session.desk().site_page(), cp::SitePage::AdminLogin);
    EXPECT_FALSE(page.apply(cmd::OpenSitePage{cp::SitePage::AdminLogin})) << "already there";
    ASSERT_TRUE(page.apply(cmd::StartAdminLogin{}));
    EXPECT_EQ(page.session.desk().site_page(), cp::SitePage::AdminLogin) << "behind the chooser";
    page.apply(cmd::LeaveFlow{});
    EXPECT_EQ(page.session.desk().site_page(), cp::SitePage::Top) << "キャンセル, 閉じる, ログオフ: the top page";

    page.apply(cmd::OpenSitePage{cp::SitePage::UserLogin});
    ASSERT_TRUE(page.apply(cmd::StartUserLogin{}));
    page.apply(cmd::AdvanceClock{1});
    EXPECT_EQ(page.session.user_flow(), nullptr) << "time passing ends the login";
    EXPECT_EQ(page.session.desk().site_page(), cp::SitePage::UserLogin) << "the page it was started from";

    page.apply(cmd::SwitchPc{cp::PcId::User});
    EXPECT_EQ(page.session.desk().site_page(), cp::SitePage::Top) << "the other PC's browser";
    page.apply(cmd::OpenSitePage{cp::SitePage::UserLogin});
    page.apply(cmd::ReloadInIeMode{});
    EXPECT_EQ(page.session.desk().site_page(), cp::SitePage::Top) << "a reload";
    page.apply(cmd::OpenSitePage{cp::SitePage::UserLogin});
    page.load_preset(cp::Preset::UserPickupPending);
    EXPECT_EQ(page.session.desk().site_page(), cp::SitePage::Top) << "a new world";
    // Opening a page leaves a running flow (the site's navigation is a new page).
    page.apply(cmd::OpenSitePage{cp::SitePage::UserLogin});
    ASSERT_TRUE(page.apply(cmd::StartUserPickup{}));
    ASSERT_TRUE(page.apply(cmd::OpenSitePage{cp::SitePage::Top}));
    EXPECT_EQ(page.session.user_flow(), nullptr);
}

TEST(Session, ReissuesAUsersCertificateAndALaterPageLoadSeesIt) {
    cp::test::BrowserProfile profile;
    std::uint32_t issue_number = 0;
    cp::SimTime deadline = 0;
    {
        PageLoad page(profile);
        cp::test::log_in_as_admin(page);
        page.apply(cmd::SelectMenuTab{cp::MenuTab::ManagementInfo});
        page.apply(cmd::OpenUserMaintenance{});
        ASSERT_EQ(page.screen(), Screen::UserGrid);
        ASSERT_NE(page.flow().maintenance()->selected(), nullptr);
        EXPECT_EQ(page.flow().maintenance()->selected()->id, "S0001") << "the first row is selected, as in the seed";
        page.apply(cmd::SelectUser{"S0002"});
        EXPECT_EQ(page.flow().maintenance()->selected()->id, "S0002");
        page.apply(cmd::SelectUser{"S0001"});
        page.apply(cmd::ToggleUserActions{});
        EXPECT_TRUE(page.flow().user_actions_open());
        page.apply(cmd::ChooseChange{});
        ASSERT_EQ(page.screen(), Screen::UserEdit);
        issue_number = page.bank().find_user("S0001")->certificate.issue_number;
        page.apply(cmd::SetCertificateAction{cp::UserCertificateAction::Reissue});
        // No PIN: the field says so and nothing happens.
        EXPECT_EQ(page.flow().apply(cmd::SubmitCertificateAction{}), BankResult::InvalidInput);
        EXPECT_EQ(page.flow().field_error(AdminFlow::Field::ConfirmationPin), cp::InputError::Empty);
        EXPECT_EQ(page.screen(), Screen::UserEdit);
        page.flow().view().confirmation_pin.assign(cp::kSeedSecrets.confirmation_pin);
        page.apply(cmd::SubmitCertificateAction{cp::Secret(page.flow().view().confirmation_pin)});
        ASSERT_EQ(page.screen(), Screen::UserDone) << result_name(page.flow().last_result());
        EXPECT_TRUE(page.flow().view().confirmation_pin.empty()) << "the PIN is wiped once submitted";
        deadline = page.flow().pickup_deadline();
        EXPECT_EQ(deadline, page.bank().now() + cp::days(80));
        EXPECT_FALSE(page.session.saving());
    }
    PageLoad reloaded(profile);  // a reload: the top page, the reissue kept
    EXPECT_EQ(reloaded.session.admin_flow(), nullptr);
    const cp::User* s0001 = reloaded.bank().find_user("S0001");
    ASSERT_NE(s0001, nullptr);
    EXPECT_EQ(s0001->certificate.status, cp::CertStatus::PendingPickup);
    EXPECT_EQ(s0001->certificate.issue_number, issue_number + 1);
    EXPECT_EQ(s0001->certificate.pickup_deadline, deadline);
    const auto& audit = reloaded.bank().state().audit;
    ASSERT_FALSE(audit.entries().empty());
    EXPECT_TRUE(audit.verify());
    bool reissue_logged = false;
    for (const auto& e : audit.entries())
        reissue_logged |= e.action == cp::AuditAction::UserCertificateReissue && e.target.rfind("S0001", 0) == 0 && e.result == FlowResult::Ok;
    EXPECT_TRUE(reissue_logged);
}

TEST(Session, EveryBankChangingStepIsSavedBeforeTheNextCommand) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::ForwardingStorage* bank_db = profile.opened["certportal-bank"];
    ASSERT_NE(bank_db, nullptr);
    const int before = bank_db->commits;
    page.apply(cmd::StartAdminLogin{});
    EXPECT_EQ(bank_db->commits, before) << "opening the chooser changes nothing at the bank";
    page.apply(cmd::ChooseCertificate{page.flow().store().certificates.back().serial});
    page.apply(cmd::GrantKeyAccess{});
    const int after_certificate = bank_db->commits;
    EXPECT_GT(after_certificate, before) << "the certificate check is audited, so saved";
    page.apply(cmd::SubmitContractPin{cp::Secret("wrong-pin1")});
    EXPECT_EQ(bank_db->commits, after_certificate + 1) << "a wrong PIN counts toward the lock: saved at once";
    PageLoad reloaded(profile);
    EXPECT_EQ(reloaded.bank().state().contract.contract_pin_failures, 1u);
}

// The save keys on Bank::revision(): seconds passing (the clock following real time) are not a
// change of their own, and are saved with the next one.
TEST(Session, PassingSecondsAreSavedWithTheNextChangeNotOnTheirOwn) {
    cp::test::BrowserProfile profile;
    cp::SimTime later = 0;
    {
        PageLoad page(profile);
        cp::test::ForwardingStorage* bank_db = profile.opened["certportal-bank"];
        const int before = bank_db->commits;
        const cp::SimTime start = page.bank().now();
        page.session.follow_real_time(0.0);
        page.session.follow_real_time(5.0);
        page.session.update();
        later = page.bank().now();
        ASSERT_EQ(later, start + 5);
        EXPECT_EQ(bank_db->commits, before) << "five seconds: nothing saved on their own";
        page.apply(cmd::ReportCardLost{});
        EXPECT_EQ(bank_db->commits, before + 1) << "the next change saves, the clock with it";
    }
    PageLoad reloaded(profile);
    EXPECT_EQ(reloaded.bank().now(), later);
    EXPECT_TRUE(reloaded.bank().state().contract.card.lost);
}

// A double click on +1日 (and the console's move) while a step is saved: every move applies at
// once, and all are saved — the save in flight took the bank as it was, the next one takes them.
TEST(Session, ClockMovesWhileASaveIsInFlightApplyAndAreSavedAfterIt) {
    cp::test::BrowserProfile profile;
    cp::SimTime moved = 0;
    {
        PageLoad page(profile);
        cp::test::ForwardingStorage* bank_db = profile.opened["certportal-bank"];
        const int saves = bank_db->commits;
        const cp::SimTime start = page.bank().now();
        bank_db->hold_commits = true;
        page.apply(cmd::ReportCardLost{});
        ASSERT_TRUE(page.session.saving()) << "the card's loss is being saved";
        EXPECT_TRUE(page.apply(cmd::AdvanceClock{1}));
        EXPECT_EQ(page.session.last_result(), FlowResult::Ok);
        EXPECT_TRUE(page.apply(cmd::AdvanceClock{1}));
        EXPECT_EQ(page.session.last_result(), FlowResult::Ok);
        EXPECT_TRUE(page.apply(cmd::MoveClockTo{page.bank().now() + cp::days(1)}));
        EXPECT_EQ(page.session.last_result(), FlowResult::Ok);
        moved = page.bank().now();
        EXPECT_EQ(moved, start + cp::days(3)) << "each move applied at once";
        EXPECT_EQ(bank_db->held(), 1u) << "one save at a time";
        bank_db->release_held();
        EXPECT_FALSE(page.session.saving());
        EXPECT_EQ(bank_db->commits, saves + 2) << "the card's save, then one for the moves made during it";
    }
    PageLoad reloaded(profile);
    EXPECT_EQ(reloaded.bank().now(), moved) << "the three moves were saved";
    EXPECT_TRUE(reloaded.bank().state().contract.card.lost);
    std::size_t moves = 0;
    for (const cp::AuditEntry& e : reloaded.bank().state().audit.entries())
        moves += e.action == cp::AuditAction::ClockAdvanced ? 1 : 0;
    EXPECT_EQ(moves, 3u);
}

// While a save is in flight, what the desk draws disabled is refused here too (a recorded command
// replays the same), and the simulator's own controls work: the PC, the panels, the clock.
TEST(Session, WhileASaveIsInFlightOnlyTheSimulatorsControlsWork) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::ForwardingStorage* bank_db = profile.opened["certportal-bank"];
    bank_db->hold_commits = true;
    page.apply(cmd::ReportCardLost{});
    ASSERT_TRUE(page.session.saving());
    const std::size_t requests = page.bank().state().branch_requests.size();

    EXPECT_FALSE(page.apply(cmd::OpenInternetOptions{}));
    EXPECT_EQ(page.session.last_result(), FlowResult::WrongStep);
    EXPECT_EQ(page.session.certificate_manager(), nullptr);
    EXPECT_FALSE(page.apply(cmd::SubmitBranchRequest{cp::BranchRequestKind::ReissueCard}));
    EXPECT_EQ(page.bank().state().branch_requests.size(), requests);
    EXPECT_FALSE(page.apply(cmd::StartAdminLogin{}));
    EXPECT_EQ(page.session.admin_flow(), nullptr);
    EXPECT_FALSE(page.apply(cmd::ReportCardLost{}));
    EXPECT_EQ(page.session.last_result(), FlowResult::WrongStep);

    EXPECT_TRUE(page.apply(cmd::OpenPanel{cp::DeskPanel::Mailbox}));
    EXPECT_EQ(page.session.desk().panel(), cp::DeskPanel::Mailbox);
    EXPECT_TRUE(page.apply(cmd::SwitchPc{cp::PcId::User}));
    EXPECT_EQ(page.session.desk().pc(), cp::PcId::User);
    EXPECT_TRUE(page.apply(cmd::AdvanceClock{1}));

    bank_db->release_held();
    EXPECT_FALSE(page.session.saving());
    EXPECT_TRUE(page.apply(cmd::OpenInternetOptions{}));
    EXPECT_NE(page.session.certificate_manager(), nullptr) << "once saved, the page works again";
}

TEST(Session, AFailedSaveIsShownAndTheNextChangeSavesAgain) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    profile.opened["certportal-bank"]->fail_commits = true;
    cp::test::choose_certificate(page);
    EXPECT_NE(page.session.save_failure(), FlowResult::Ok);
    EXPECT_FALSE(page.session.saving());
    EXPECT_TRUE(page.apply(cmd::DismissSaveError{}));
    EXPECT_EQ(page.session.save_failure(), FlowResult::Ok);
    profile.opened["certportal-bank"]->fail_commits = false;
    page.apply(cmd::SubmitContractPin{cp::Secret("wrong-pin1")});
    EXPECT_EQ(page.session.save_failure(), FlowResult::Ok);
}

TEST(Session, ResetEndsTheFlowLoadsThePresetAndSavesFromItsBaseline) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::log_in_as_admin(page);
    page.apply(cmd::SelectMenuTab{cp::MenuTab::ManagementInfo});
    page.apply(cmd::OpenUserMaintenance{});
    ASSERT_EQ(page.screen(), Screen::UserGrid);
    cp::test::ForwardingStorage* bank_db = profile.opened["certportal-bank"];
    FlowResult reset = FlowResult::WrongStep;
    page.session.reset(cp::Preset::HundredUsers, [&](FlowResult r) { reset = r; });
    ASSERT_EQ(reset, FlowResult::Ok) << result_name(reset);
    EXPECT_EQ(page.session.admin_flow(), nullptr) << "the flow into the old bank is gone";
    EXPECT_FALSE(page.session.resetting());
    EXPECT_EQ(page.bank().state().users.size(), 100u);
    const int after_reset = bank_db->commits;
    page.session.update();
    EXPECT_EQ(bank_db->commits, after_reset) << "the new world is the saved baseline";
    EXPECT_FALSE(page.session.saving());

    // The new world works and saves as the old one did.
    cp::test::log_in_as_admin(page);
    EXPECT_GT(bank_db->commits, after_reset);
    page.apply(cmd::SelectMenuTab{cp::MenuTab::ManagementInfo});
    page.apply(cmd::OpenUserMaintenance{});
    ASSERT_EQ(page.screen(), Screen::UserGrid);
    page.apply(cmd::SelectUser{"S0100"});
    ASSERT_NE(page.flow().maintenance()->selected(), nullptr);
    EXPECT_EQ(page.flow().maintenance()->selected()->id, "S0100");

    PageLoad reloaded(profile);
    EXPECT_EQ(reloaded.bank().state().users.size(), 100u);
    EXPECT_EQ(reloaded.bank().state().audit.entries().size(), page.bank().state().audit.entries().size());
}

TEST(Session, AFailedResetKeepsThePreviousWorldRunning) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    profile.databases["certportal-bank"].set_quota_bytes(64);
    FlowResult reset = FlowResult::Ok;
    page.session.reset(cp::Preset::HundredUsers, [&](FlowResult r) { reset = r; });
    EXPECT_EQ(reset, PersistResult::StorageFailed);
    EXPECT_EQ(page.bank().state().users.size(), 2u);
    EXPECT_EQ(page.session.save_failure(), FlowResult::Ok) << "nothing else was saved";
    profile.databases["certportal-bank"].set_quota_bytes(0);
    EXPECT_TRUE(page.apply(cmd::StartAdminLogin{})) << "the previous world runs on";
}

TEST(Session, WrongContractPinSaysHowManyTriesAreLeftThenLocksEveryone) {
    cp::test::BrowserProfile profile;
    {
        PageLoad page(profile);
        cp::test::choose_certificate(page);
        // Empty: a field error, not a wrong try.
        EXPECT_EQ(page.flow().apply(cmd::SubmitContractPin{}), BankResult::InvalidInput);
        EXPECT_EQ(page.flow().field_error(AdminFlow::Field::ContractPin), cp::InputError::Empty);
        EXPECT_EQ(page.bank().state().contract.contract_pin_failures, 0u);
        for (std::uint32_t i = 1; i < 6; ++i) {
            page.apply(cmd::SubmitContractPin{cp::Secret("wrong-pin1")});
            ASSERT_EQ(page.screen(), Screen::ContractPin);
            EXPECT_EQ(page.flow().last_result(), BankResult::WrongContractPin);
            EXPECT_EQ(page.flow().tries_left(), 6 - i);
        }
        page.apply(cmd::SubmitContractPin{cp::Secret("wrong-pin1")});
        ASSERT_EQ(page.screen(), Screen::Failed);
        EXPECT_EQ(page.flow().failure(), BankResult::ContractLocked);
    }
    PageLoad reloaded(profile);
    EXPECT_TRUE(reloaded.bank().state().contract.locked) << "the lock survives a reload";
    cp::test::choose_certificate(reloaded);
    if (reloaded.screen() == Screen::ContractPin) {
        reloaded.apply(cmd::SubmitContractPin{cp::Secret(cp::kSeedSecrets.contract_pin)});
    }
    EXPECT_EQ(reloaded.flow().failure(), BankResult::ContractLocked) << "even with the right PIN";
}

TEST(Session, AUsersCertificateAtAdministratorLoginIsTheSeedsError) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    page.apply(cmd::SwitchPc{cp::PcId::User});
    page.apply(cmd::StartAdminLogin{});
    ASSERT_EQ(page.flow().store().certificates.size(), 2u) << "the chooser lists the user PC's certificates";
    page.apply(cmd::ChooseCertificate{page.flow().store().certificates.front().serial});
    if (page.screen() == Screen::KeyAccess) page.apply(cmd::GrantKeyAccess{});
    ASSERT_EQ(page.screen(), Screen::Failed);
    EXPECT_EQ(page.flow().failure(), BankResult::NotAdminCertificate);
}

// What a recording keeps beside each command: the flow's answer, the session's refusal, the
// desk's own result.
TEST(Session, ApplyAnswersEachCommandsResult) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    auto apply = [&](auto c) { return page.session.apply(cp::make_command(std::move(c))); };
    EXPECT_EQ(apply(cmd::SubmitContractPin{cp::Secret("wrong-pin1")}).result, FlowResult::WrongStep)
        << "no login is open: the session refuses";
    EXPECT_FALSE(apply(cmd::SubmitContractPin{cp::Secret("wrong-pin1")}).changed);
    cp::test::choose_certificate(page);
    ASSERT_EQ(page.screen(), Screen::ContractPin);
    const cp::Session::Applied wrong = apply(cmd::SubmitContractPin{cp::Secret("wrong-pin1")});
    EXPECT_EQ(wrong.result, BankResult::WrongContractPin);
    EXPECT_TRUE(wrong.changed);
    EXPECT_EQ(apply(cmd::SubmitContractPin{}).result, BankResult::InvalidInput) << "an empty field";
    EXPECT_EQ(apply(cmd::SubmitContractPin{cp::Secret(cp::kSeedSecrets.contract_pin)}).result, FlowResult::Ok);
    EXPECT_EQ(apply(cmd::AdvanceClock{1}).result, FlowResult::Ok);
    EXPECT_EQ(apply(cmd::MoveClockTo{0}).result, BankResult::InvalidInput) << "the clock does not go back";
}

// One stable name for what the person sees: the site's pages, a flow's screen, the certificate
// manager over it.
TEST(Session, ScreenShownNamesWhatThePersonSees) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    EXPECT_EQ(cp::screen_shown(page.session), "site/Top");
    page.apply(cmd::OpenSitePage{cp::SitePage::AdminLogin});
    EXPECT_EQ(cp::screen_shown(page.session), "site/AdminLogin");
    page.apply(cmd::StartAdminLogin{});
    EXPECT_EQ(cp::screen_shown(page.session), "admin/ChooseCertificate");
    page.apply(cmd::ChooseCertificate{page.flow().store().certificates.back().serial});
    EXPECT_EQ(cp::screen_shown(page.session), "admin/KeyAccess");
    page.apply(cmd::GrantKeyAccess{});
    EXPECT_EQ(cp::screen_shown(page.session), "admin/ContractPin");
    page.apply(cmd::OpenInternetOptions{});
    EXPECT_EQ(cp::screen_shown(page.session), "manager/InternetOptions") << "the OS's window over the page";
    page.apply(cmd::CloseInternetOptions{});
    EXPECT_EQ(cp::screen_shown(page.session), "admin/ContractPin");
    page.apply(cmd::LeaveFlow{});
    EXPECT_EQ(cp::screen_shown(page.session), "site/Top");
    page.apply(cmd::SwitchPc{cp::PcId::User});
    page.apply(cmd::StartUserLogin{});
    EXPECT_EQ(cp::screen_shown(page.session), "user/LoginChooseCertificate");
}

TEST(Session, RefusingKeyAccessEndsTheLogin) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    page.apply(cmd::StartAdminLogin{});
    page.apply(cmd::ChooseCertificate{page.flow().store().certificates.back().serial});
    ASSERT_EQ(page.screen(), Screen::KeyAccess);
    page.apply(cmd::DenyKeyAccess{});
    ASSERT_EQ(page.screen(), Screen::Failed);
    EXPECT_EQ(page.flow().failure(), PcResult::KeyAccessDenied);
}

TEST(Session, ALostCardStopsTheLoginAtTheCardStep) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    EXPECT_TRUE(page.apply(cmd::ReportCardLost{}));
    EXPECT_TRUE(page.bank().state().contract.card.lost);
    cp::test::choose_certificate(page);
    page.apply(cmd::SubmitContractPin{cp::Secret(cp::kSeedSecrets.contract_pin)});
    ASSERT_EQ(page.screen(), Screen::Failed);
    EXPECT_EQ(page.flow().failure(), BankResult::CardLost);
    PageLoad reloaded(profile);
    EXPECT_TRUE(reloaded.bank().state().contract.card.lost) << "the report was saved";
}

TEST(Session, AnExpiredAdministratorCertificateSendsThePersonToTheBranch) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    ASSERT_EQ(page.bank().advance_time(cp::days(400)), FlowResult::Ok);
    cp::test::choose_certificate(page);
    ASSERT_EQ(page.screen(), Screen::Failed);
    EXPECT_EQ(page.flow().failure(), BankResult::AdminCertificateExpired);
}

TEST(Session, CardAnswersAreValidatedPerFieldAndAWrongPairDrawsNewSymbols) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::choose_certificate(page);
    page.apply(cmd::SubmitContractPin{cp::Secret(cp::kSeedSecrets.contract_pin)});
    ASSERT_EQ(page.screen(), Screen::CardChallenge);
    EXPECT_EQ(page.flow().apply(cmd::SubmitCardAnswers{cp::Secret("8"), cp::Secret("")}), BankResult::InvalidInput);
    EXPECT_EQ(page.flow().field_error(AdminFlow::Field::CardFirst), cp::InputError::NotTwoDigits);
    EXPECT_NE(page.flow().field_error(AdminFlow::Field::CardSecond), cp::InputError::None) << "every field's error, not only the first";
    const cp::CardChallenge before = page.flow().login().challenge();
    // Wrong on purpose: each answer off by one.
    const auto off = [&](std::uint8_t s) { return cp::test::card_answer(page.bank(), s) == "00" ? std::string("01") : std::string("00"); };
    page.apply(cmd::SubmitCardAnswers{cp::Secret(off(before.first)), cp::Secret(off(before.second))});
    EXPECT_EQ(page.flow().last_result(), BankResult::WrongCardAnswer);
    EXPECT_EQ(page.flow().tries_left(), 5u);
    EXPECT_EQ(page.screen(), Screen::CardChallenge);
    page.apply(cp::test::card_answers(page));
    EXPECT_TRUE(page.screen() == Screen::Notices || page.screen() == Screen::Menu);
}

TEST(Session, WrongConfirmationPinKeepsTheFormAndRevokingNeedsAReason) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::log_in_as_admin(page);
    page.apply(cmd::OpenUserMaintenance{});
    page.apply(cmd::ChooseChange{});
    page.apply(cmd::SetCertificateAction{cp::UserCertificateAction::Revoke});
    EXPECT_EQ(page.flow().apply(cmd::SubmitCertificateAction{cp::Secret("wrong-pin2")}), BankResult::InvalidInput);
    EXPECT_EQ(page.flow().field_error(AdminFlow::Field::RevokeReason), cp::InputError::Empty);
    page.apply(cmd::SetRevokeReason{cp::RevokeReason::Lost});
    page.apply(cmd::SubmitCertificateAction{cp::Secret("wrong-pin2")});
    EXPECT_EQ(page.flow().last_result(), BankResult::WrongConfirmationPin);
    EXPECT_EQ(page.flow().tries_left(), 5u);
    EXPECT_EQ(page.screen(), Screen::UserEdit);
    const std::string serial = page.bank().find_user("S0001")->certificate.serial;
    page.apply(cmd::SubmitCertificateAction{cp::Secret(cp::kSeedSecrets.confirmation_pin)});
    ASSERT_EQ(page.screen(), Screen::UserDone);
    EXPECT_EQ(page.bank().find_user("S0001")->certificate.status, cp::CertStatus::Revoked);
    bool reason_logged = false;
    for (const auto& e : page.bank().state().audit.entries())
        reason_logged |= e.action == cp::AuditAction::UserCertificateRevoke && e.target.find("lost") != std::string::npos;
    EXPECT_TRUE(reason_logged) << "the audit log keeps why";
    EXPECT_FALSE(serial.empty());
}

// The revoke reason is a command (cmd::SetRevokeReason), as the choice of 失効 is: the last one
// chosen is the one the bank's audit log keeps, and choosing it leaves the last OK's outcome on
// screen (a wrong PIN's message and tries stay).
TEST(Session, TheRevokeReasonChosenByCommandIsTheOneTheBankRecords) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::log_in_as_admin(page);
    EXPECT_EQ(page.flow().apply(cmd::SetRevokeReason{cp::RevokeReason::Lost}), FlowResult::WrongStep) << "no user is being edited";
    page.apply(cmd::OpenUserMaintenance{});
    page.apply(cmd::ChooseChange{});
    ASSERT_EQ(page.screen(), Screen::UserEdit);
    page.apply(cmd::SetCertificateAction{cp::UserCertificateAction::Revoke});
    page.apply(cmd::SetRevokeReason{cp::RevokeReason::PcReplaced});
    EXPECT_EQ(page.flow().revoke_reason(), cp::RevokeReason::PcReplaced);
    page.apply(cmd::SubmitCertificateAction{cp::Secret("wrong-pin2")});
    ASSERT_EQ(page.flow().last_result(), BankResult::WrongConfirmationPin);
    page.apply(cmd::SetRevokeReason{cp::RevokeReason::LeftCompany});
    EXPECT_EQ(page.flow().last_result(), BankResult::WrongConfirmationPin) << "the wrong PIN's message stays";
    EXPECT_EQ(page.flow().tries_left(), 5u);
    page.apply(cmd::SubmitCertificateAction{cp::Secret(cp::kSeedSecrets.confirmation_pin)});
    ASSERT_EQ(page.screen(), Screen::UserDone) << result_name(page.flow().last_result());
    std::string logged;
    for (const auto& e : page.bank().state().audit.entries())
        if (e.action == cp::AuditAction::UserCertificateRevoke && e.result == FlowResult::Ok) logged = e.target;
    EXPECT_NE(logged.find(cp::revoke_reason_name(cp::RevokeReason::LeftCompany)), std::string::npos) << logged;
    EXPECT_EQ(logged.find(cp::revoke_reason_name(cp::RevokeReason::PcReplaced)), std::string::npos) << logged;
}

// 全てのお知らせをしばらく表示しない is a command (cmd::SetHideNotices): ticked, 次へ hides the
// notices for a while in the bank; the next login skips them.
TEST(Session, HidingTheNoticesByCommandReachesTheBank) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    page.load_preset(cp::Preset::AdminRenewalWindow);
    cp::test::choose_certificate(page);
    page.apply(cmd::SubmitContractPin{cp::Secret(cp::kSeedSecrets.contract_pin)});
    page.apply(cp::test::card_answers(page));
    ASSERT_EQ(page.screen(), Screen::Notices);
    EXPECT_FALSE(page.flow().hide_notices());
    page.apply(cmd::SetHideNotices{true});
    EXPECT_TRUE(page.flow().hide_notices());
    page.apply(cmd::AcknowledgeNotices{});
    ASSERT_EQ(page.screen(), Screen::Menu);
    EXPECT_EQ(page.bank().state().contract.notices_hidden_until, page.bank().now() + cp::days(page.bank().state().config.notices_hidden_days));
    EXPECT_EQ(page.flow().apply(cmd::SetHideNotices{false}), FlowResult::WrongStep) << "past the notices";
}

// Typed text travels in the submitting command (docs/architecture.md, "Where state lives"): the
// flow acts on what the command carries, never on what its View holds, and wipes the View's field
// once the submit is applied. A recording can write a secret only as given or empty.
TEST(Session, ASubmitCarriesItsTextAndARecordingKeepsOnlyWhetherASecretWasGiven) {
    EXPECT_STREQ(cp::recorded(cp::Secret(cp::kSeedSecrets.contract_pin)), "given");
    EXPECT_STREQ(cp::recorded(cp::Secret()), "empty");
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::choose_certificate(page);
    ASSERT_EQ(page.screen(), Screen::ContractPin);
    page.flow().view().contract_pin.assign("wrong-pin1");  // what the field shows
    page.apply(cmd::SubmitContractPin{cp::Secret(cp::kSeedSecrets.contract_pin)});
    EXPECT_EQ(page.screen(), Screen::CardChallenge) << "the command's PIN is the one checked";
    EXPECT_EQ(page.bank().state().contract.contract_pin_failures, 0u);
    EXPECT_TRUE(page.flow().view().contract_pin.empty()) << "the field is wiped once its submit is applied";
}

TEST(Session, LeavingTheFlowOrThePcEndsItAndWipesItsForm) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    page.apply(cmd::StartAdminLogin{});
    EXPECT_NE(page.session.admin_flow(), nullptr);
    page.apply(cmd::LeaveFlow{});
    EXPECT_EQ(page.session.admin_flow(), nullptr);
    page.apply(cmd::StartAdminLogin{});
    EXPECT_TRUE(page.apply(cmd::SwitchPc{cp::PcId::User}));
    EXPECT_EQ(page.session.admin_flow(), nullptr) << "standing up from the PC closes its screens";
    EXPECT_EQ(page.session.desk().pc(), cp::PcId::User);
    EXPECT_FALSE(page.apply(cmd::SwitchPc{cp::PcId::User})) << "already there";
    // A flow command with no flow is refused, not crashed on.
    EXPECT_FALSE(page.apply(cmd::SubmitContractPin{}));
    EXPECT_EQ(page.session.last_result(), FlowResult::WrongStep);
}

TEST(Session, TheMenuKeepsItsTabsSectionsAndVerifiesTheAuditLog) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::log_in_as_admin(page);
    EXPECT_EQ(page.flow().tab(), cp::MenuTab::Main);
    EXPECT_TRUE(page.flow().section_open(cp::MenuSection::Status));
    EXPECT_FALSE(page.flow().section_open(cp::MenuSection::AuditLog));
    page.apply(cmd::ToggleMenuSection{cp::MenuSection::AuditLog});
    EXPECT_TRUE(page.flow().section_open(cp::MenuSection::AuditLog));
    EXPECT_FALSE(page.flow().audit_check().has_value());
    page.apply(cmd::VerifyAuditLog{});
    ASSERT_TRUE(page.flow().audit_check().has_value());
    EXPECT_TRUE(page.flow().audit_check()->intact());
    // Tampering is detected.
    page.bank().mutable_state_for_presets().audit.mutable_entries_for_tests().front().target = "tampered";
    page.apply(cmd::VerifyAuditLog{});
    ASSERT_TRUE(page.flow().audit_check().has_value());
    EXPECT_FALSE(page.flow().audit_check()->intact());
    EXPECT_EQ(page.flow().audit_check()->first_invalid, 0u);  // the entry changed, found when 検証 was pressed
}

TEST(Session, TheFirstAdministratorLogonHasNoPreviousLogonAndTheSecondHasTheFirst) {
    cp::test::BrowserProfile profile;
    PageLoad page(profile);
    cp::test::log_in_as_admin(page);
    const cp::SimTime first = page.bank().state().contract.last_admin_login;
    EXPECT_NE(first, 0);
    page.apply(cmd::LeaveFlow{});
    cp::test::log_in_as_admin(page);
    EXPECT_EQ(page.flow().previous_logon(), first);
}

TEST(Messages, EveryBankResultAndInputErrorHasItsOwnTextInBothLanguages) {
    std::set<int> seen;
    for (std::uint8_t i = 0; i < cp::kResultCodeCount; ++i) {
        const FlowResult code = FlowResult::from_saved(i);  // every layer's codes share one numbering
        const cp::TextId id = cp::result_text(code);
        EXPECT_TRUE(seen.insert(static_cast<int>(id)).second) << result_name(code) << " shares a text";
        EXPECT_STRNE(cp::text(id, cp::Language::Japanese), "");
        EXPECT_STRNE(cp::text(id, cp::Language::English), "");
        EXPECT_EQ(std::string(cp::text_id_name(id)), std::string("Result") + result_name(code));
    }
    for (int i = 1; i < static_cast<int>(cp::InputError::Count_); ++i) {
        const cp::TextId id = cp::input_error_text(static_cast<cp::InputError>(i));
        EXPECT_TRUE(seen.insert(static_cast<int>(id)).second) << cp::input_error_name(static_cast<cp::InputError>(i));
        EXPECT_EQ(std::string(cp::text_id_name(id)), std::string("Input") + cp::input_error_name(static_cast<cp::InputError>(i)));
    }
    for (int i = 0; i < static_cast<int>(cp::AuditAction::Count_); ++i) {
        const cp::TextId id = cp::audit_action_text(static_cast<cp::AuditAction>(i));
        EXPECT_EQ(std::string(cp::text_id_name(id)), std::string("Audit") + cp::audit_action_name(static_cast<cp::AuditAction>(i)));
    }
}

TEST(Messages, TheWrongCertificateErrorIsTheSeedsWording) {
    const std::string ja = cp::text(cp::result_text(BankResult::NotAdminCertificate), cp::Language::Japanese);
    EXPECT_NE(ja.find("管理者の電子証明書以外（利用者の電子証明書等）"), std::string::npos);
    EXPECT_NE(ja.find("インターネット画面をすべて閉じてから、再度ログインしてください"), std::string::npos);
}

}  // namespace
