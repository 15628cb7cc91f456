// The browser's certificate manager through the session (seed 000 (13)-(15)): the stores, the
// details read from the DER (OpenSSL agrees), the statuses against the bank's CRL, deleting the
// old certificate, and deleting the new one (the seed's warning; the logon then really fails).
#include <gtest/gtest.h>

#include "openssl_bank.h"
#include "pki_test_util.h"
#include "session_fixture.h"

namespace {

using cp::AdminFlow;
using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::CertificateStoreTab;
using Screen = AdminFlow::Screen;
using RScreen = cp::RenewalFlow::Screen;
using MScreen = cp::CertificateManagerFlow::Screen;
namespace cmd = cp::cmd;

// The renewal window preset, renewed through the admin flow: 管理者のパソコン holds old and new.
// Returns {old serial, new serial}.
std::pair<std::string, std::string> renew(cp::test::PageLoad& page) {
    page.load_preset(cp::Preset::AdminRenewalWindow);
    const std::string old_serial = page.bank().state().contract.admin_certificate.serial;
    cp::test::log_in_as_admin(page);
    page.apply(cmd::OpenRenewal{});
    page.apply(cmd::StartRenewal{});
    while (page.renewal_screen() == RScreen::WebAccess) page.apply(cmd::AnswerWebAccess{true});
    page.apply(cmd::AnswerProtection{true});
    page.apply(cmd::AnswerWebAccess{true});
    EXPECT_EQ(page.renewal_screen(), RScreen::Done);
    const std::string new_serial = page.flow().renewal()->new_serial();
    page.apply(cmd::LeaveFlow{});
    return {old_serial, new_serial};
}

const cp::CertificateManagerFlow& open_manager(cp::test::PageLoad& page) {
    page.apply(cmd::OpenInternetOptions{});
    EXPECT_NE(page.session.certificate_manager(), nullptr);
    EXPECT_EQ(page.session.certificate_manager()->screen(), MScreen::InternetOptions);
    EXPECT_EQ(page.session.apply(cp::make_command(cmd::OpenCertificateList{})).result, FlowResult::WrongStep)
        << "証明書(C) is on the コンテンツ tab";
    EXPECT_EQ(page.session.certificate_manager()->screen(), MScreen::InternetOptions);
    page.apply(cmd::ShowContentTab{});
    page.apply(cmd::OpenCertificateList{});
    EXPECT_EQ(page.session.certificate_manager()->screen(), MScreen::Certificates);
    return *page.session.certificate_manager();
}

TEST(CertificateManager, ListsBothAdministratorCertificatesAndTheBanksCas) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    const auto [old_serial, new_serial] = renew(page);
    const cp::CertificateManagerFlow& m = open_manager(page);
    const std::vector<cp::CertificateRow> personal = m.rows(CertificateStoreTab::Personal);
    ASSERT_EQ(personal.size(), 2u);
    EXPECT_EQ(personal[0].issued_to, "00009876543 1635");
    EXPECT_EQ(personal[1].issued_to, "00009876543 1635");
    EXPECT_LT(personal[0].not_after, personal[1].not_after) << "the 有効期限 tells them apart";
    EXPECT_FALSE(personal[0].issued_by.empty());
    EXPECT_TRUE(m.rows(CertificateStoreTab::OtherPeople).empty());
    ASSERT_EQ(m.rows(CertificateStoreTab::Intermediate).size(), 1u);
    ASSERT_EQ(m.rows(CertificateStoreTab::TrustedRoot).size(), 1u);
    EXPECT_EQ(personal[0].issued_by, m.rows(CertificateStoreTab::Intermediate)[0].issued_to);
    const auto root = m.describe(m.rows(CertificateStoreTab::TrustedRoot)[0].id);
    ASSERT_TRUE(root.has_value());
    EXPECT_EQ(root->status, cp::pki::CertificateStatus::Valid);
    EXPECT_EQ(root->chain.size(), 1u);
    EXPECT_NE(root->info.key_usage.find("keyCertSign"), std::string::npos) << root->info.key_usage;
    const auto issuing = m.describe(m.rows(CertificateStoreTab::Intermediate)[0].id);
    ASSERT_TRUE(issuing.has_value());
    EXPECT_EQ(issuing->status, cp::pki::CertificateStatus::Valid);
    EXPECT_EQ(issuing->chain.size(), 2u);
}

TEST(CertificateManager, DetailsAgreeWithOpenssl) {
    CP_SKIP_WITHOUT_OPENSSL();
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    const auto [old_serial, new_serial] = renew(page);
    const cp::CertificateManagerFlow& m = open_manager(page);
    page.apply(cmd::HighlightCertificate{new_serial});
    page.apply(cmd::ShowCertificateDetails{new_serial});
    ASSERT_TRUE(m.details().has_value());
    const cp::CertificateDetails& d = *m.details();
    // Export the DER the PC holds and ask OpenSSL.
    const cp::InstalledCertificate* ic = page.session.pc_store(cp::PcId::Admin)->find(new_serial);
    ASSERT_NE(ic, nullptr);
    cp::pki::test::TempDir dir;
    dir.write("new.der", cp::pki::ByteView(ic->certificate.data(), ic->certificate.size()));
    const std::string in = "x509 -inform DER -in " + dir.path("new.der") + " -noout ";
    const auto sha1 = cp::pki::test::run_openssl(in + "-fingerprint -sha1");
    EXPECT_NE(sha1.output.find("=" + d.info.sha1_fingerprint), std::string::npos) << sha1.output << " vs " << d.info.sha1_fingerprint;
    const auto sha256 = cp::pki::test::run_openssl(in + "-fingerprint -sha256");
    EXPECT_NE(sha256.output.find("=" + d.info.sha256_fingerprint), std::string::npos) << sha256.output;
    EXPECT_EQ(d.info.sha1_fingerprint.size(), 20u * 3 - 1);
    const auto serial = cp::pki::test::run_openssl(in + "-serial");
    std::string upper = d.info.serial_hex;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_NE(serial.output.find("serial=" + upper), std::string::npos) << serial.output << " vs " << upper;
    // 有効期限 to the second.
    const auto dates = cp::pki::test::run_openssl(in + "-dates -dateopt iso_8601");
    const cp::pki::CivilTime na = cp::pki::civil_from_unix(d.info.not_after);
    char expect[40];
    std::snprintf(expect, sizeof expect, "notAfter=%04d-%02d-%02d %02d:%02d:%02dZ", na.year, na.month, na.day, na.hour, na.minute, na.second);
    EXPECT_NE(dates.output.find(expect), std::string::npos) << dates.output << " vs " << expect;
    // Key usage: OpenSSL's names, in RFC 5280's order, mapped to the RFC's identifiers.
    const auto usage = cp::pki::test::run_openssl(in + "-ext keyUsage");
    const std::pair<const char*, const char*> kNames[] = {
        {"Digital Signature", "digitalSignature"}, {"Non Repudiation", "nonRepudiation"}, {"Key Encipherment", "keyEncipherment"},
        {"Data Encipherment", "dataEncipherment"}, {"Key Agreement", "keyAgreement"}, {"Certificate Sign", "keyCertSign"},
        {"CRL Sign", "cRLSign"}, {"Encipher Only", "encipherOnly"}, {"Decipher Only", "decipherOnly"}};
    std::string expected_usage;
    for (const auto& [openssl_name, rfc_name] : kNames) {
        if (usage.output.find(openssl_name) == std::string::npos) continue;
        if (!expected_usage.empty()) expected_usage += ", ";
        expected_usage += rfc_name;
    }
    ASSERT_FALSE(expected_usage.empty()) << usage.output;
    EXPECT_EQ(d.info.key_usage.substr(0, d.info.key_usage.find(" (")), expected_usage) << usage.output;
    // Status: OpenSSL verifies the chain to the bank's root with its CRL at the simulated time.
    const std::string verified = cp::test::openssl_verify_with_bank(*page.session.simulation(), *ic, page.bank().now(), dir);
    EXPECT_EQ(d.status, cp::pki::CertificateStatus::Valid);
    EXPECT_NE(verified.find("OK"), std::string::npos) << verified;
    EXPECT_EQ(d.chain.size(), 3u) << "root → issuing CA → the administrator";
    EXPECT_EQ(d.chain.back(), "00009876543 1635");
}

TEST(CertificateManager, StatusesFollowTheBanksCrlAndTheClock) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    const auto [old_serial, new_serial] = renew(page);
    {
        const cp::CertificateManagerFlow& m = open_manager(page);
        EXPECT_EQ(m.describe(old_serial)->status, cp::pki::CertificateStatus::Valid) << "the old one runs to its 有効期限";
        ASSERT_EQ(page.bank().authority().revoke(old_serial, page.bank().now()), FlowResult::Ok);
        EXPECT_EQ(m.describe(old_serial)->status, cp::pki::CertificateStatus::Revoked);
    }
    page.apply(cmd::AdvanceClock{21});
    EXPECT_EQ(page.session.certificate_manager(), nullptr) << "time passing closes it (statuses were of the old time)";
    page.apply(cmd::AdvanceClock{400});
    const cp::CertificateManagerFlow& m = open_manager(page);
    EXPECT_EQ(m.describe(new_serial)->status, cp::pki::CertificateStatus::Expired);
}

TEST(CertificateManager, DeletesTheOldCertificateAndTheNewOneStillLogsOn) {
    cp::test::BrowserProfile profile;
    std::string old_serial, new_serial;
    {
        cp::test::PageLoad page(profile);
        std::tie(old_serial, new_serial) = renew(page);
        const cp::CertificateManagerFlow& m = open_manager(page);
        // The session answers what the flow answered, and the flow keeps it for its screen.
        EXPECT_EQ(page.session.apply(cp::make_command(cmd::DeleteCertificate{})).result, FlowResult::WrongStep)
            << "nothing chosen yet";
        EXPECT_EQ(m.last_result(), FlowResult::WrongStep);
        page.apply(cmd::HighlightCertificate{old_serial});
        page.apply(cmd::DeleteCertificate{});
        ASSERT_EQ(m.screen(), MScreen::ConfirmDelete);
        EXPECT_EQ(m.deletion_warning(), FlowResult::Ok) << "the old one: no warning";
        page.apply(cmd::ConfirmDeletion{false});  // いいえ
        EXPECT_EQ(m.screen(), MScreen::Certificates);
        EXPECT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 2u);
        page.apply(cmd::HighlightCertificate{old_serial});
        page.apply(cmd::DeleteCertificate{});
        page.apply(cmd::ConfirmDeletion{true});  // はい
        EXPECT_EQ(m.rows(CertificateStoreTab::Personal).size(), 1u);
        page.apply(cmd::CloseCertificateList{});
        page.apply(cmd::CloseInternetOptions{});
        EXPECT_EQ(page.session.certificate_manager(), nullptr);
    }
    cp::test::PageLoad reload(profile);
    ASSERT_EQ(reload.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u) << "the deletion was saved";
    EXPECT_EQ(reload.session.pc_store(cp::PcId::Admin)->certificates[0].serial, new_serial);
    cp::test::log_in_as_admin(reload);
}

TEST(CertificateManager, DeletingTheNewCertificateWarnsAndReallyBreaksTheLogon) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    const auto [old_serial, new_serial] = renew(page);
    const cp::CertificateManagerFlow& m = open_manager(page);
    page.apply(cmd::HighlightCertificate{new_serial});
    page.apply(cmd::DeleteCertificate{});
    ASSERT_EQ(m.screen(), MScreen::ConfirmDelete);
    EXPECT_EQ(m.deletion_warning(), PcResult::DeletingNewerCertificate);
    page.apply(cmd::ConfirmDeletion{true});
    page.apply(cmd::CloseInternetOptions{});
    ASSERT_EQ(page.session.pc_store(cp::PcId::Admin)->certificates.size(), 1u);
    page.apply(cmd::StartAdminLogin{});
    page.apply(cmd::ChooseCertificate{old_serial});
    if (page.screen() == Screen::KeyAccess) page.apply(cmd::GrantKeyAccess{});
    EXPECT_EQ(page.screen(), Screen::Failed);
    EXPECT_EQ(page.flow().failure(), BankResult::CertificateSuperseded);
}

TEST(CertificateManager, TheCasAreReadOnlyAndSwitchingPcCloses) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    const cp::CertificateManagerFlow& m = open_manager(page);
    page.apply(cmd::SelectStoreTab{CertificateStoreTab::TrustedRoot});
    page.apply(cmd::HighlightCertificate{m.rows(CertificateStoreTab::TrustedRoot)[0].id});
    page.apply(cmd::DeleteCertificate{});
    EXPECT_EQ(m.last_result(), FlowResult::WrongStep);
    EXPECT_EQ(m.screen(), MScreen::Certificates);
    page.apply(cmd::SwitchPc{cp::PcId::User});
    EXPECT_EQ(page.session.certificate_manager(), nullptr);
    const cp::CertificateManagerFlow& user = open_manager(page);
    EXPECT_EQ(user.rows(CertificateStoreTab::Personal).size(), page.session.pc_store(cp::PcId::User)->certificates.size());
}

TEST(Mailbox, ReadingAMailMarksItReadAndIsSaved) {
    cp::test::BrowserProfile profile;
    std::uint32_t id = 0;
    {
        cp::test::PageLoad page(profile);
        page.load_preset(cp::Preset::AdminRenewalWindow);
        const std::vector<cp::Mail>& mails = page.bank().state().mailbox;
        ASSERT_FALSE(mails.empty()) << "電子証明書更新のお知らせ";
        EXPECT_EQ(mails.back().kind, cp::MailKind::RenewalReminder);
        EXPECT_FALSE(mails.back().read);
        id = mails.back().id;
        page.apply(cmd::ReadMail{id});
        EXPECT_EQ(page.session.desk().open_mail(), id);
        EXPECT_TRUE(page.bank().state().mailbox.back().read);
        page.apply(cmd::ReadMail{0});
        EXPECT_EQ(page.session.desk().open_mail(), 0u);
    }
    cp::test::PageLoad reload(profile);
    for (const cp::Mail& m : reload.bank().state().mailbox) {
        if (m.id == id) {
            EXPECT_TRUE(m.read) << "saved though the audit log did not grow";
        }
    }
}

TEST(Branch, FormsAreProcessedOnTheSimulatedClock) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    page.load_preset(cp::Preset::ContractLocked);
    page.apply(cmd::SubmitBranchRequest{cp::BranchRequestKind::UnlockPins});
    ASSERT_EQ(page.bank().state().branch_requests.size(), 1u);
    EXPECT_FALSE(page.bank().state().branch_requests[0].done);
    EXPECT_TRUE(page.bank().state().contract.locked);
    page.apply(cmd::AdvanceClock{1});
    EXPECT_FALSE(page.bank().state().branch_requests[0].done) << "処理中";
    page.apply(cmd::AdvanceClock{1});
    EXPECT_TRUE(page.bank().state().branch_requests[0].done);
    EXPECT_FALSE(page.bank().state().contract.locked);
    EXPECT_EQ(page.bank().state().mailbox.back().kind, cp::MailKind::ContractUnlocked);
    cp::test::log_in_as_admin(page);
}

}  // namespace
