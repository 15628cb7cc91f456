// Commands as names and fields (wasm/core/replay/command_codec.h): every command type round-trips
// with its values, secrets are written only as given / empty and come back from the stand-in, and
// every malformed input is refused with a message naming what is wrong, leaving the command as it was.
#include "replay/command_codec.h"

#include <gtest/gtest.h>

#include <set>

namespace {

namespace cmd = cp::cmd;
namespace ucmd = cp::cmd::user;
using cp::Command;
using cp::CommandFields;
using cp::Secret;
using cp::make_command;

// One of every command type, with values other than the defaults.
std::vector<Command> every_command() {
    return {
        make_command(cmd::StartAdminLogin{}), make_command(cmd::LeaveFlow{}), make_command(cmd::SwitchPc{cp::PcId::User}),
        make_command(cmd::OpenPanel{cp::DeskPanel::Token}), make_command(cmd::ReportCardLost{}),
        make_command(cmd::AdvanceClock{-3}), make_command(cmd::MoveClockTo{1696896000}), make_command(cmd::DismissSaveError{}),
        make_command(cmd::ReadMail{42}), make_command(cmd::SubmitBranchRequest{cp::BranchRequestKind::ReissueAdminCertificate}),
        make_command(cmd::StartAdminPickup{}), make_command(cmd::OpenInternetOptions{}), make_command(cmd::CloseInternetOptions{}),
        make_command(cmd::StartUserPickup{}), make_command(cmd::StartUserLogin{}), make_command(cmd::SetBrowserKind{cp::BrowserKind::Chrome}),
        make_command(cmd::ReloadInIeMode{}), make_command(cmd::CloseIeBanner{}), make_command(cmd::LeaveIeMode{}),
        make_command(cmd::OpenSitePage{cp::SitePage::AdminLogin}), make_command(cmd::ShowHandshake{true}),
        make_command(cmd::ToggleHandshakeMessage{7}),
        make_command(cmd::ChooseCertificate{"7F3A01"}), make_command(cmd::ShowCertificateProperties{"7F3A02"}),
        make_command(cmd::GrantKeyAccess{Secret("Kagi-2024")}), make_command(cmd::DenyKeyAccess{}),
        make_command(cmd::SubmitContractPin{Secret("pin-1")}), make_command(cmd::ClearContractPin{}),
        make_command(cmd::SubmitCardAnswers{Secret("12"), Secret("")}), make_command(cmd::SetHideNotices{true}),
        make_command(cmd::AcknowledgeNotices{}), make_command(cmd::SelectMenuTab{cp::MenuTab::ManagementInfo}),
        make_command(cmd::ToggleMenuSection{cp::MenuSection::AuditLog}), make_command(cmd::VerifyAuditLog{}),
        make_command(cmd::OpenUserMaintenance{}), make_command(cmd::SelectUser{"S0002"}), make_command(cmd::ShowMoreUsers{}),
        make_command(cmd::ToggleUserActions{}), make_command(cmd::ChooseChange{}),
        make_command(cmd::SetCertificateAction{cp::UserCertificateAction::Revoke}),
        make_command(cmd::SetRevokeReason{cp::RevokeReason::LeftCompany}),
        make_command(cmd::SubmitCertificateAction{Secret("conf-1")}), make_command(cmd::ReturnToMenu{}),
        make_command(cmd::OpenRenewal{}), make_command(cmd::StartRenewal{}), make_command(cmd::AnswerWebAccess{true}),
        make_command(cmd::OpenProtectionSettings{}), make_command(cmd::SetProtectionChoice{cp::KeyProtection::High}),
        make_command(cmd::CloseProtectionSettings{true, Secret("a"), Secret("b")}), make_command(cmd::AnswerProtection{true}),
        make_command(cmd::CloseRenewal{}), make_command(cmd::ShowContentTab{}), make_command(cmd::OpenCertificateList{}),
        make_command(cmd::CloseCertificateList{}), make_command(cmd::SelectStoreTab{cp::CertificateStoreTab::TrustedRoot}),
        make_command(cmd::HighlightCertificate{"ca:root"}), make_command(cmd::ShowCertificateDetails{"7F3A03"}),
        make_command(cmd::DeleteCertificate{}), make_command(cmd::ConfirmDeletion{true}),
        make_command(cmd::SubmitPickupIds{"00009876543", Secret("pin-2")}), make_command(cmd::AnswerPickupWebAccess{true}),
        make_command(ucmd::SubmitIds{"０００9876543", "S0001 ", Secret("taro0001")}),
        make_command(ucmd::SubmitOneTimePassword{Secret("123456")}), make_command(ucmd::Download{}),
        make_command(ucmd::OpenDownload{}), make_command(ucmd::Acquire{}), make_command(ucmd::CloseApp{}),
        make_command(ucmd::AnswerWebAccess{true}), make_command(ucmd::ChooseCertificate{"7F3A04"}),
        make_command(ucmd::ShowCertificateProperties{"7F3A05"}), make_command(ucmd::GrantKeyAccess{Secret("k")}),
        make_command(ucmd::DenyKeyAccess{}), make_command(ucmd::SubmitPin{Secret("taro0001")}),
    };
}

// A stand-in that says which secret it stands in for, so the test can see it arrive.
Secret stand_in(std::string_view command, std::string_view field, bool given) {
    return given ? Secret(std::string(command) + "/" + std::string(field)) : Secret();
}

TEST(CommandCodec, EveryCommandTypeRoundTripsWithItsValues) {
    std::set<std::string> covered;
    for (const Command& c : every_command()) {
        const CommandFields f = cp::encode_command(c);
        EXPECT_TRUE(covered.insert(f.name).second) << f.name << " twice in the sample";
        Command back = make_command(cmd::LeaveFlow{});
        std::string error;
        ASSERT_TRUE(cp::decode_command(f, stand_in, back, error)) << f.name << ": " << error;
        EXPECT_EQ(cp::encode_command(back), f) << f.name;
    }
    const std::vector<std::string_view> names = cp::command_names();
    EXPECT_EQ(covered.size(), names.size()) << "every command type has a sample above";
    for (std::string_view n : names) EXPECT_TRUE(covered.count(std::string(n))) << n;
    EXPECT_EQ(std::set<std::string_view>(names.begin(), names.end()).size(), names.size()) << "names are unique";
}

TEST(CommandCodec, TypedTextIsKeptAsTypedAndEnumerationsAsNumbers) {
    const CommandFields f = cp::encode_command(make_command(ucmd::SubmitIds{"０００9876543", "S0001 ", Secret("taro0001")}));
    EXPECT_EQ(f, (CommandFields{"user.SubmitIds", {{"contract_id", "０００9876543"}, {"user_id", "S0001 "}, {"pin", "given"}}}));
    EXPECT_EQ(cp::encode_command(make_command(cmd::SetProtectionChoice{cp::KeyProtection::High})),
              (CommandFields{"SetProtectionChoice", {{"level", "2"}}}));
    EXPECT_EQ(cp::encode_command(make_command(cmd::AdvanceClock{-3})), (CommandFields{"AdvanceClock", {{"days", "-3"}}}));
}

TEST(CommandCodec, SecretsAreWrittenOnlyAsGivenOrEmptyAndComeBackFromTheStandIn) {
    const CommandFields f = cp::encode_command(make_command(cmd::CloseProtectionSettings{true, Secret("Kagi-2024"), Secret()}));
    EXPECT_EQ(f, (CommandFields{"CloseProtectionSettings", {{"accept", "true"}, {"password", "given"}, {"again", "empty"}}}));
    Command back = make_command(cmd::LeaveFlow{});
    std::string error;
    ASSERT_TRUE(cp::decode_command(f, stand_in, back, error)) << error;
    const auto& settings = std::get<cmd::CloseProtectionSettings>(std::get<cp::RenewalCommand>(back));
    EXPECT_EQ(settings.password.reveal(), "CloseProtectionSettings/password");
    EXPECT_TRUE(settings.again.empty());
    // No stand-in: empty secrets (the command is still read).
    ASSERT_TRUE(cp::decode_command(f, nullptr, back, error)) << error;
    for (const Command& c : every_command()) {
        for (const auto& [key, value] : cp::encode_command(c).fields) {
            for (const char* secret : {"Kagi-2024", "pin-1", "conf-1", "pin-2", "taro0001", "123456"})
                EXPECT_EQ(value.find(secret), std::string::npos) << key;
        }
    }
}

TEST(CommandCodec, MalformedInputIsRefusedWithWhatIsWrongAndNothingChanges) {
    struct Case {
        CommandFields in;
        const char* says;
    };
    const Case cases[] = {
        {{"NoSuchCommand", {}}, "unknown command \"NoSuchCommand\""},
        {{"chooseCertificate", {{"serial", "01"}}}, "unknown command"},
        {{"ChooseCertificate", {}}, "ChooseCertificate: the field \"serial\" is missing"},
        {{"ChooseCertificate", {{"serial", "01"}, {"pin", "given"}}}, "\"pin\" is not one of its fields"},
        {{"ChooseCertificate", {{"serial", "01"}, {"serial", "02"}}}, "\"serial\" is given twice"},
        {{"SwitchPc", {{"pc", "2"}}}, "SwitchPc: the field \"pc\" has an invalid value \"2\""},
        {{"SwitchPc", {{"pc", "-1"}}}, "invalid value \"-1\""},
        {{"SwitchPc", {{"pc", ""}}}, "invalid value \"\""},
        {{"AdvanceClock", {{"days", "1x"}}}, "invalid value \"1x\""},
        {{"AdvanceClock", {{"days", "99999999999"}}}, "invalid value"},
        {{"ReadMail", {{"mail_id", "-1"}}}, "invalid value \"-1\""},
        {{"SetHideNotices", {{"hide", "yes"}}}, "invalid value \"yes\""},
        {{"SubmitContractPin", {{"pin", "1234"}}}, "SubmitContractPin: the field \"pin\" has an invalid value \"1234\""},
        {{"SetRevokeReason", {{"reason", "5"}}}, "invalid value \"5\""},
        {{"LeaveFlow", {{"x", "1"}}}, "\"x\" is not one of its fields"},
    };
    for (const Case& c : cases) {
        Command out = make_command(cmd::SelectUser{"S0002"});
        std::string error;
        EXPECT_FALSE(cp::decode_command(c.in, stand_in, out, error)) << c.in.name;
        EXPECT_NE(error.find(c.says), std::string::npos) << error;
        EXPECT_EQ(cp::encode_command(out), cp::encode_command(make_command(cmd::SelectUser{"S0002"}))) << "unchanged";
    }
}

}  // namespace
