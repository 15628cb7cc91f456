// Recording a run and replaying it on a fresh world: seed 001 end to end with wrong answers on the
// way replays to the same screens, results and outcome in another world (other serials, other card
// and token values); a tampered recording stops where it leaves the run and says so.
#include "replay/replayer.h"

#include <gtest/gtest.h>

#include "portal/screen_shown.h"
#include "replay/recording_file.h"
#include "session_fixture.h"

namespace {

namespace cmd = cp::cmd;
namespace ucmd = cp::cmd::user;
using cp::Secret;
using cp::test::PageLoad;

// A right card answer (two digits) for symbol `i`, and a wrong one.
std::string card(PageLoad& page, std::uint8_t symbol, int plus = 0) {
    const int v = (page.bank().state().contract.card.numbers[symbol] + plus) % 100;
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

// Seed 001 as a person does it, recorded: the administrator (one wrong contract PIN, one wrong card
// pair) reissues S0001's expired certificate; S0001 picks it up (one wrong one-time password) and
// logs on with it. Time passes between the two.
cp::Recording record_seed_001(PageLoad& page) {
    page.load_preset(cp::Preset::UserCertificateExpired);
    cp::Recorder rec(page.session, "user-expired");
    const auto act = [&](auto c) { return rec.apply(page.session, cp::make_command(std::move(c))); };
    act(cmd::OpenSitePage{cp::SitePage::AdminLogin});
    act(cmd::StartAdminLogin{});
    act(cmd::ChooseCertificate{page.session.pc_store(cp::PcId::Admin)->certificates.back().serial});
    act(cmd::GrantKeyAccess{});
    act(cmd::SubmitContractPin{Secret("wrong-pin1")});
    act(cmd::SubmitContractPin{Secret(cp::kSeedSecrets.contract_pin)});
    const cp::CardChallenge c1 = page.flow().login().challenge();
    act(cmd::SubmitCardAnswers{Secret(card(page, c1.first, 1)), Secret(card(page, c1.second))});
    const cp::CardChallenge c2 = page.flow().login().challenge();
    act(cmd::SubmitCardAnswers{Secret(card(page, c2.first)), Secret(card(page, c2.second))});
    if (page.screen() == cp::AdminFlow::Screen::Notices) act(cmd::AcknowledgeNotices{});
    act(cmd::SelectMenuTab{cp::MenuTab::ManagementInfo});
    act(cmd::OpenUserMaintenance{});
    act(cmd::SelectUser{"S0001"});
    act(cmd::ToggleUserActions{});
    act(cmd::ChooseChange{});
    act(cmd::SetCertificateAction{cp::UserCertificateAction::Reissue});
    act(cmd::SubmitCertificateAction{Secret(cp::kSeedSecrets.confirmation_pin)});
    EXPECT_EQ(page.screen(), cp::AdminFlow::Screen::UserDone);
    rec.follow_real_time(page.session, 1000.0);  // the baseline
    rec.follow_real_time(page.session, 1095.5);  // 95 s pass
    act(cmd::SwitchPc{cp::PcId::User});
    act(cmd::OpenSitePage{cp::SitePage::UserLogin});
    act(cmd::StartUserPickup{});
    act(ucmd::SubmitIds{std::string(cp::kSeedSecrets.contract_id), "S0001", Secret(cp::kSeedSecrets.s0001_pin)});
    act(ucmd::SubmitOneTimePassword{Secret("000000")});
    act(ucmd::SubmitOneTimePassword{Secret(page.bank().token_display("S0001"))});
    act(ucmd::Download{});
    act(ucmd::OpenDownload{});
    act(ucmd::Acquire{});
    act(ucmd::CloseApp{});
    const std::string serial = page.session.user_flow()->pickup()->installed_serial();
    act(cmd::LeaveFlow{});
    act(cmd::OpenSitePage{cp::SitePage::UserLogin});
    act(cmd::StartUserLogin{});
    act(ucmd::ChooseCertificate{serial});
    act(ucmd::GrantKeyAccess{});
    act(ucmd::SubmitPin{Secret(cp::kSeedSecrets.s0001_pin)});
    EXPECT_EQ(cp::screen_shown(page.session), "user/LoginLanding");
    return rec.recording();
}

TEST(Replay, Seed001WithWrongAnswersReplaysToTheSameScreensResultsAndOutcome) {
    cp::test::BrowserProfile original_profile;
    PageLoad original(original_profile);
    const cp::Recording recording = record_seed_001(original);
    ASSERT_GT(recording.steps.size(), 30u);
    // What the recording holds: results (the wrong ones too), screens, the time that passed,
    // secrets only as given, the certificate the pickup installed.
    std::vector<std::string> results;
    bool time_passed = false;
    for (const cp::RecordedStep& s : recording.steps) {
        if (s.kind == cp::RecordedStep::Kind::TimePassed) {
            EXPECT_EQ(s.seconds, 95);
            time_passed = true;
            continue;
        }
        results.push_back(s.result);
        for (const auto& [k, v] : s.command.fields) EXPECT_NE(v, cp::kSeedSecrets.contract_pin) << k;
    }
    EXPECT_TRUE(time_passed);
    EXPECT_NE(std::find(results.begin(), results.end(), "WrongContractPin"), results.end());
    EXPECT_NE(std::find(results.begin(), results.end(), "WrongCardAnswer"), results.end());
    EXPECT_NE(std::find(results.begin(), results.end(), "WrongOneTimePassword"), results.end());

    // Another world of the same scenario: other serials, card and token.
    cp::test::BrowserProfile replay_profile;
    PageLoad replay(replay_profile, 99);
    replay.load_preset(cp::Preset::UserCertificateExpired);
    ASSERT_NE(replay.session.pc_store(cp::PcId::User)->certificates.front().serial,
              original.session.pc_store(cp::PcId::User)->certificates.front().serial)
        << "the replay's world really differs";
    const cp::SimTime replay_start = replay.bank().now();
    cp::Replayer replayer(replay.session, recording);
    replayer.run();
    ASSERT_FALSE(replayer.divergence().has_value()) << "step " << replayer.divergence()->step << ": " << replayer.divergence()->what;
    EXPECT_TRUE(replayer.finished());
    EXPECT_EQ(replayer.position(), recording.steps.size());
    EXPECT_EQ(cp::screen_shown(replay.session), "user/LoginLanding");
    // The same outcome in the bank: S0001 valid on a new certificate held on the user's PC; the
    // same failures counted; the time that passed.
    const cp::User* s0001 = replay.bank().find_user("S0001");
    ASSERT_NE(s0001, nullptr);
    EXPECT_EQ(s0001->certificate.status, cp::CertStatus::Valid);
    EXPECT_NE(replay.session.pc_store(cp::PcId::User)->find(s0001->certificate.serial), nullptr);
    EXPECT_EQ(s0001->certificate.issue_number, original.bank().find_user("S0001")->certificate.issue_number);
    EXPECT_EQ(replay.bank().now() - replay_start, original.bank().now() - recording.started_at);
    EXPECT_EQ(replay.bank().state().audit.entries().size(), original.bank().state().audit.entries().size());
}

TEST(Replay, ATamperedRecordingStopsWhereItLeavesTheRunAndSaysSo) {
    cp::test::BrowserProfile original_profile;
    PageLoad original(original_profile);
    const cp::Recording recording = record_seed_001(original);
    const auto replay_of = [](const cp::Recording& r) {
        auto profile = std::make_unique<cp::test::BrowserProfile>();
        auto page = std::make_unique<PageLoad>(*profile, 99);
        page->load_preset(cp::Preset::UserCertificateExpired);
        cp::Replayer replayer(page->session, r);
        replayer.run();
        return replayer.divergence();
    };
    // Find the wrong contract PIN's step and claim it was right.
    std::size_t wrong_pin = 0;
    while (recording.steps[wrong_pin].result != "WrongContractPin") ++wrong_pin;
    {
        cp::Recording r = recording;
        r.steps[wrong_pin].result = "Ok";
        const auto d = replay_of(r);
        ASSERT_TRUE(d.has_value());
        EXPECT_EQ(d->step, wrong_pin) << d->what;
        EXPECT_NE(d->what.find("shows admin/CardChallenge, the recording admin/ContractPin"), std::string::npos)
            << d->what << " — a right PIN stands in, and the card's page follows";
    }
    {
        cp::Recording r = recording;
        r.steps[wrong_pin].screen = "admin/Menu";
        const auto d = replay_of(r);
        ASSERT_TRUE(d.has_value());
        EXPECT_EQ(d->step, wrong_pin);
        EXPECT_NE(d->what.find("shows admin/ContractPin, the recording admin/Menu"), std::string::npos) << d->what;
    }
    {
        cp::Recording r = recording;
        r.steps[3].command.name = "FormatDisk";
        const auto d = replay_of(r);
        ASSERT_TRUE(d.has_value());
        EXPECT_EQ(d->step, 3u);
        EXPECT_NE(d->what.find("unknown command \"FormatDisk\""), std::string::npos) << d->what;
    }
    {
        cp::Recording r = recording;
        r.initial_serials[0].push_back("00FF");
        const auto d = replay_of(r);
        ASSERT_TRUE(d.has_value());
        EXPECT_EQ(d->step, r.steps.size()) << "refused at the start";
    }
    {
        cp::Recording r = recording;
        // The caller loads another scenario's world.
        auto profile = std::make_unique<cp::test::BrowserProfile>();
        PageLoad page(*profile, 99);
        page.load_preset(cp::Preset::AdminRenewalWindow);
        cp::Replayer replayer(page.session, r);
        replayer.run();
        ASSERT_TRUE(replayer.divergence().has_value());
        EXPECT_NE(replayer.divergence()->what.find("the replay's world is AdminRenewalWindow, the recording's UserCertificateExpired"),
                  std::string::npos) << replayer.divergence()->what;
        EXPECT_FALSE(replayer.finished());
        EXPECT_EQ(replayer.position(), 0u) << "nothing applied";
    }
    {  // The right scenario, but not fresh: a step was taken before the replay.
        auto profile = std::make_unique<cp::test::BrowserProfile>();
        PageLoad page(*profile, 99);
        page.load_preset(cp::Preset::UserCertificateExpired);
        page.apply(cmd::ReportCardLost{});
        cp::Replayer replayer(page.session, recording);
        replayer.run();
        ASSERT_TRUE(replayer.divergence().has_value());
        EXPECT_NE(replayer.divergence()->what.find("not the fresh world"), std::string::npos) << replayer.divergence()->what;
    }
}

// Exported and opened elsewhere: the same recording, replayed the same; a damaged file is refused
// whole with its first mistake's place.
TEST(RecordingFile, ARecordingRoundTripsThroughItsFileAndReplays) {
    cp::test::BrowserProfile original_profile;
    PageLoad original(original_profile);
    const cp::Recording recording = record_seed_001(original);
    const std::string file = cp::write_recording(recording);
    EXPECT_EQ(file.find(cp::kSeedSecrets.contract_pin), std::string::npos) << "no secret in the file";
    EXPECT_EQ(file.find(cp::kSeedSecrets.s0001_pin), std::string::npos);
    cp::Recording back;
    std::string error;
    ASSERT_TRUE(cp::read_recording(file, back, error)) << error;
    EXPECT_EQ(cp::write_recording(back), file);
    ASSERT_EQ(back.steps.size(), recording.steps.size());

    cp::test::BrowserProfile replay_profile;
    PageLoad replay(replay_profile, 99);
    replay.load_preset(cp::Preset::UserCertificateExpired);
    cp::Replayer replayer(replay.session, back);
    replayer.run();
    EXPECT_TRUE(replayer.finished()) << (replayer.divergence() ? replayer.divergence()->what : "");
    std::printf("[ recording ] seed 001 with three wrong answers: %zu steps, %zu bytes\n", back.steps.size(), file.size());
}

TEST(RecordingFile, ADamagedFileIsRefusedWholeWithItsPlace) {
    const std::string good =
        R"({"format":"certportal-recording","version":1,"scenario":"user-expired","preset":"UserCertificateExpired",)"
        R"("audit_entries":3,"started_at":1696896000,"start_screen":"site/Top","initial_serials":{"admin-pc":["01"]},)"
        "\n"
        R"("steps":[{"at":1696896000,"command":"SwitchPc","fields":{"pc":"1"},"result":"Ok","screen":"site/Top","installed":{}},)"
        R"({"at":1696896000,"time_passed":5}]})";
    cp::Recording r;
    std::string error;
    ASSERT_TRUE(cp::read_recording(good, r, error)) << error;
    EXPECT_EQ(r.steps.size(), 2u);
    EXPECT_EQ(r.steps[1].seconds, 5);
    struct Case {
        std::string from, to;
        const char* says;
    };
    const Case cases[] = {
        {"\"certportal-recording\"", "\"something-else\"", "line 1, column 11: not a certportal recording"},
        {"\"version\":1", "\"version\":2", "version 2 is not one this page reads"},
        {"\"result\":\"Ok\",", "", "line 2, column 10: \"result\" is missing"},
        {"{\"pc\":\"1\"}", "{\"pc\":1}", "a field's value must be a string"},
        {"\"time_passed\":5", "\"time_passed\":-5", "\"time_passed\" must be positive"},
        {"\"time_passed\":5", "\"time_passed\":5.5", "\"time_passed\" must be a whole number"},
        {"\"admin-pc\"", "\"kitchen-pc\"", "\"kitchen-pc\" is not a PC"},
        {"[\"01\"]", "[1]", "a serial must be a string"},
        {"\"steps\":[", "\"steps\":{\"x\":[", "expected"},
        {"}]}", "}]", "line 2"},
    };
    for (const Case& c : cases) {
        std::string bad = good;
        const std::size_t at = bad.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.from;
        bad.replace(at, c.from.size(), c.to);
        cp::Recording untouched;
        untouched.scenario = "kept";
        error.clear();
        EXPECT_FALSE(cp::read_recording(bad, untouched, error)) << bad;
        EXPECT_NE(error.find(c.says), std::string::npos) << c.says << " / " << error;
        EXPECT_EQ(untouched.scenario, "kept");
    }
    EXPECT_FALSE(cp::read_recording("not json", r, error));
    EXPECT_NE(error.find("line 1, column 1"), std::string::npos) << error;
    EXPECT_FALSE(cp::read_recording("{\"format\":\"certportal-recording\",\"version\":1,\"preset\":\"\xff\"}", r, error));
}

}  // namespace
