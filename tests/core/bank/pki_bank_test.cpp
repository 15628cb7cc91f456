// The bank on the real PKI: certificates issued from the PC's CSR, installed with their protected
// keys, proven at login by challenge–response, revoked into the CRL; the PC's asynchronous key
// generation and device key (waiting, cancel, refusal), protection levels, and the CA and CRL
// through persistence. P-256 keeps it fast; one test runs the product's RSA-2048.
#include <gtest/gtest.h>

#include "bank_test_support.h"
#include "pc/login_signer.h"
#include "pki/certificate.h"
#include "pki/pkcs8.h"
#include "procedures/admin_renewal.h"
#include "procedures/user_certificate_maintenance.h"
#include "procedures/user_login.h"
#include "procedures/user_pickup.h"
#include "sim/persistence.h"
#include "storage/memory_storage.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::PersistResult;
using cp::UserPickup;
using Mode = cp::pki::LocalKeyJobRunner::Mode;

using cp::test::reissue;
using cp::test::to_app_ready;

// Logs the user in with `cert` from the PC `pc` (granting the key access a 中 key asks).
FlowResult user_login(cp::test::TestBank& tb, cp::test::TestPc& pc, const cp::InstalledCertificate& cert) {
    cp::UserLogin login(*tb.bank, pc.services());
    return cp::test::choose(login, cert);
}

// Up to 管理者ログオン's menu, then 更新 → はい ×2: the renewal waits for the protection level.
void renewal_to_protection(cp::test::TestBank& tb, cp::AdminLogin& login, cp::AdminRenewal& r) {
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    ASSERT_EQ(r.start(), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.step(), cp::AdminRenewal::Step::ProtectionLevel);
}

TEST(PkiBank, IssueInstallLoginWithARealCertificate) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    to_app_ready(tb, p);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    ASSERT_EQ(p.finish(), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    const cp::InstalledCertificate* installed = tb.world.user_pc.find(p.installed_serial());
    ASSERT_NE(installed, nullptr);
    // A real X.509 certificate from the bank's CA, with the seed's name and a one-year validity.
    cp::pki::Certificate cert;
    ASSERT_EQ(cert.parse(installed->certificate), cp::pki::PkiError::Ok);
    EXPECT_EQ(cert.subject_identity().common_name, "00009876543 S0001");
    EXPECT_NE(cert.issuer().find("しんきん電子証明書認証局"), std::string::npos);
    EXPECT_EQ(cert.serial_hex(), installed->serial);
    EXPECT_EQ(cert.not_after(), cp::add_jst_years(cert.not_before(), 1));  // 2023年9月 → 2024年9月: 366 days
    EXPECT_EQ(installed->subject.display_name(), "00009876543 S0001");
    EXPECT_EQ(installed->protection, cp::KeyProtection::Medium);
    // The stored key is sealed by the PC's device key, not a readable PKCS#8.
    cp::pki::KeyPair plain;
    EXPECT_NE(plain.parse_private_key(installed->protected_key.view()), cp::pki::PkiError::Ok);

    cp::UserLogin login(*tb.bank, tb.user_pc.services());
    ASSERT_EQ(login.choose_certificate(*installed), FlowResult::Ok);
    EXPECT_EQ(login.step(), cp::UserLogin::Step::KeyAccess);  // 「アクセス許可の付与」
    EXPECT_FALSE(login.key_access_needs_password());
    ASSERT_EQ(login.grant_key_access(), FlowResult::Ok);
    ASSERT_EQ(login.step(), cp::UserLogin::Step::Pin);
    EXPECT_EQ(login.user_id(), "S0001");
    ASSERT_EQ(login.enter_pin(cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
}

TEST(PkiBank, AdministratorCertificateAtUserLoginIsNotAUserCertificate) {
    cp::test::TestBank tb;
    cp::UserLogin login(*tb.bank, tb.admin_pc.services());  // on 管理者のパソコン
    EXPECT_EQ(cp::test::choose(login, tb.admin_cert()), BankResult::NotUserCertificate);
}

TEST(PkiBank, RevokedAfterReissueTheOldCertificateStopsAndTheCrlListsIt) {
    cp::test::TestBank tb;
    const cp::InstalledCertificate old_cert = tb.user_cert("S0001");
    EXPECT_EQ(user_login(tb, tb.user_pc, old_cert), FlowResult::Ok);
    const std::uint64_t crl_before = tb.pki.crl().crl_number();
    EXPECT_FALSE(tb.pki.is_revoked(old_cert.serial));
    reissue(tb, "S0001");
    EXPECT_TRUE(tb.pki.is_revoked(old_cert.serial));
    EXPECT_EQ(tb.pki.crl().crl_number(), crl_before + 1);
    ASSERT_EQ(tb.pki.crl().entries().size(), 1u);
    EXPECT_EQ(cp::pki::hex_lower(tb.pki.crl().entries()[0].serial), old_cert.serial);
    EXPECT_EQ(tb.pki.crl().verify_signature(tb.pki.issuing_certificate()), cp::pki::PkiError::Ok);
    EXPECT_EQ(user_login(tb, tb.user_pc, old_cert), BankResult::CertificateRevoked);

    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    to_app_ready(tb, p);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    ASSERT_EQ(p.finish(), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    EXPECT_EQ(user_login(tb, tb.user_pc, *tb.world.user_pc.find(p.installed_serial())), FlowResult::Ok);
    EXPECT_EQ(user_login(tb, tb.user_pc, old_cert), BankResult::CertificateRevoked);  // still
}

TEST(PkiBank, TheCrlIsRepublishedWhenDue) {
    cp::test::TestBank tb;
    const std::uint64_t n = tb.pki.crl().crl_number();
    EXPECT_EQ(tb.pki.crl().this_update(), tb.bank->now());  // the preset's time: current
    ASSERT_EQ(tb.bank->advance_time(cp::days(6)), FlowResult::Ok);
    EXPECT_EQ(tb.pki.crl().crl_number(), n);
    ASSERT_EQ(tb.bank->advance_time(cp::days(1)), FlowResult::Ok);
    EXPECT_EQ(tb.pki.crl().crl_number(), n + 1);
    EXPECT_EQ(tb.pki.crl().this_update(), tb.bank->now());
    EXPECT_EQ(tb.pki.crl().next_update(), tb.bank->now() + cp::days(7));
}

TEST(PkiBank, ExpiredCertificateIsRefusedByTheCa) {
    cp::test::TestBank tb;
    const cp::InstalledCertificate s2 = tb.user_cert("S0002");
    ASSERT_EQ(tb.bank->advance_time(s2.not_after - tb.bank->now() - 1), FlowResult::Ok);
    EXPECT_EQ(user_login(tb, tb.user_pc, s2), FlowResult::Ok);
    ASSERT_EQ(tb.bank->advance_time(2), FlowResult::Ok);  // notAfter itself is still valid (RFC 5280)
    EXPECT_EQ(user_login(tb, tb.user_pc, s2), BankResult::CertificateExpired);
}

TEST(PkiBank, BankRecordsAndThePkiAgreeOnTheExpirySecond) {
    cp::CertificateRecord record;
    record.status = cp::CertStatus::Valid;
    record.not_after = 1'000'000;
    EXPECT_EQ(cp::effective_status(record, record.not_after), cp::CertStatus::Valid);  // RFC 5280: inclusive
    EXPECT_EQ(cp::effective_status(record, record.not_after + 1), cp::CertStatus::Expired);
}

TEST(PkiBank, TamperedCertificateIsUnknown) {
    cp::test::TestBank tb;
    cp::InstalledCertificate forged = tb.user_cert("S0002");
    forged.certificate[forged.certificate.size() - 5] ^= 0x01;  // inside the signature
    EXPECT_EQ(user_login(tb, tb.user_pc, forged), BankResult::CertificateUnknown);
    // The store's listing is not trusted: renaming the entry changes nothing the bank checks.
    cp::InstalledCertificate relabelled = tb.user_cert("S0002");
    relabelled.subject.holder_id = "S0001";
    relabelled.serial = tb.user_cert("S0001").serial;
    cp::UserLogin login(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(login, relabelled), FlowResult::Ok);
    EXPECT_EQ(login.user_id(), "S0002");
    // A certificate from another CA with the same names: unknown issuer.
    cp::test::TestBank other(cp::Preset::SeedWorld, 7);
    EXPECT_EQ(user_login(tb, tb.user_pc, other.user_cert("S0002")), PcResult::KeyProtectionFailed);  // other PC's key
    cp::test::TestPc other_pc("user 7");
    EXPECT_EQ(user_login(tb, other_pc, other.user_cert("S0002")), BankResult::CertificateUnknown);
}

TEST(PkiBank, KeyAndCertificateMismatchInTheStoreFailsTheProof) {
    cp::test::TestBank tb;
    cp::InstalledCertificate mixed = tb.user_cert("S0002");
    mixed.protected_key = tb.user_cert("S0001").protected_key;  // S0001's key under S0002's certificate
    EXPECT_EQ(user_login(tb, tb.user_pc, mixed), BankResult::LoginProofInvalid);
}

TEST(PkiBank, RefusingKeyAccessFailsTheLogin) {
    cp::test::TestBank tb;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_EQ(login.choose_certificate(tb.admin_cert()), FlowResult::Ok);
    ASSERT_EQ(login.step(), cp::AdminLogin::Step::KeyAccess);
    EXPECT_EQ(login.deny_key_access(), PcResult::KeyAccessDenied);
    EXPECT_EQ(login.step(), cp::AdminLogin::Step::Failed);
}

TEST(PkiBank, WaitingForKeyGenerationThenInstalled) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    cp::test::TestPc slow("slow user pc", Mode::Deferred);  // the worker, in slow motion
    UserPickup p(*tb.bank, tb.world.user_pc, slow.services());
    to_app_ready(tb, p);
    EXPECT_TRUE(p.key_generation_pending());  // started speculatively with the IDs
    const std::size_t before = tb.world.user_pc.certificates.size();
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    EXPECT_EQ(p.step(), UserPickup::Step::WaitingForKey);
    EXPECT_EQ(p.finish(), FlowResult::WrongStep);
    EXPECT_EQ(tb.user("S0001").certificate.status, cp::CertStatus::PendingPickup);  // not issued yet
    EXPECT_EQ(slow.jobs.run_pending(), 2u);  // the key pair, then the CSR job it queued; 中, the CA
    EXPECT_FALSE(p.key_generation_pending());
    ASSERT_EQ(p.step(), UserPickup::Step::Acquiring);
    EXPECT_EQ(tb.world.user_pc.certificates.size(), before);  // the app has not installed yet
    ASSERT_EQ(p.finish(), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    EXPECT_EQ(tb.world.user_pc.certificates.size(), before + 1);
    EXPECT_EQ(user_login(tb, slow, *tb.world.user_pc.find(p.installed_serial())), FlowResult::Ok);
}

TEST(PkiBank, WaitingForTheDeviceKey) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    tb.admin_pc.device_key.set_deferred(true);  // WebCrypto answers from the event loop
    ASSERT_EQ(login.choose_certificate(tb.admin_cert()), FlowResult::Ok);
    ASSERT_EQ(login.grant_key_access(), FlowResult::Ok);
    EXPECT_EQ(login.step(), cp::AdminLogin::Step::UnlockingKey);
    EXPECT_EQ(tb.admin_pc.device_key.run_pending(), 1u);
    ASSERT_EQ(login.step(), cp::AdminLogin::Step::ContractPin);
    tb.admin_pc.device_key.set_deferred(false);
    ASSERT_EQ(login.enter_contract_pin(cp::kSeedSecrets.contract_pin), FlowResult::Ok);
    const cp::CardChallenge c = login.challenge();
    ASSERT_EQ(login.answer_card(cp::test::card_answer(*tb.bank, c.first), cp::test::card_answer(*tb.bank, c.second)),
              FlowResult::Ok);
    ASSERT_EQ(login.acknowledge_notices(false), FlowResult::Ok);
    cp::AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(r.start(), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    tb.admin_pc.device_key.set_deferred(true);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
    EXPECT_EQ(r.step(), cp::AdminRenewal::Step::WaitingForKey);  // sealing the new key
    EXPECT_EQ(tb.admin_pc.device_key.run_pending(), 1u);
    ASSERT_EQ(r.step(), cp::AdminRenewal::Step::ConfirmInstall);
    ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
}

TEST(PkiBank, AppClosedDuringKeyGenerationStoresAndIssuesNothing) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    const std::uint64_t crl_number = tb.pki.crl().crl_number();
    cp::test::TestPc slow("slow user pc", Mode::Deferred);
    UserPickup p(*tb.bank, tb.world.user_pc, slow.services());
    to_app_ready(tb, p);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    ASSERT_EQ(p.step(), UserPickup::Step::WaitingForKey);
    const std::vector<cp::InstalledCertificate> before = tb.world.user_pc.certificates;
    EXPECT_EQ(p.close_app(), PcResult::AppClosedDuringAcquisition);
    EXPECT_EQ(slow.jobs.pending(), 0u);  // the key job was cancelled
    EXPECT_EQ(slow.jobs.run_pending(), 0u);
    EXPECT_EQ(tb.world.user_pc.certificates, before);
    EXPECT_EQ(tb.pki.crl().crl_number(), crl_number);  // nothing was issued, nothing to revoke
    EXPECT_EQ(tb.user("S0001").certificate.status, cp::CertStatus::Revoked);  // the seed: reissue needed
}

TEST(PkiBank, PageClosedWhileWaitingStoresNothingAndLateCompletionsAreIgnored) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    cp::test::TestPc slow("slow user pc", Mode::Deferred);
    const std::vector<cp::InstalledCertificate> before = tb.world.user_pc.certificates;
    {
        UserPickup p(*tb.bank, tb.world.user_pc, slow.services());
        to_app_ready(tb, p);
        ASSERT_EQ(p.acquire(), FlowResult::Ok);
        ASSERT_EQ(p.step(), UserPickup::Step::WaitingForKey);
    }  // the tab is closed: the procedure is gone with its key job
    EXPECT_EQ(slow.jobs.run_pending(), 0u);
    EXPECT_EQ(tb.world.user_pc.certificates, before);
    EXPECT_EQ(tb.user("S0001").certificate.status, cp::CertStatus::PendingPickup);  // nothing was issued

    // The device key answering after the login procedure is gone: ignored.
    tb.admin_pc.device_key.set_deferred(true);
    {
        cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
        ASSERT_EQ(login.choose_certificate(tb.admin_cert()), FlowResult::Ok);
        ASSERT_EQ(login.grant_key_access(), FlowResult::Ok);
        ASSERT_EQ(login.step(), cp::AdminLogin::Step::UnlockingKey);
    }
    EXPECT_EQ(tb.admin_pc.device_key.run_pending(), 1u);
}

TEST(PkiBank, RenewalCancelledWhileWaitingChangesNothing) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    const cp::CertificateRecord record = tb.bank->state().contract.admin_certificate;
    cp::test::TestPc slow("slow admin pc", Mode::Deferred);
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    cp::AdminRenewal r(*tb.bank, login, tb.world.admin_pc, slow.services());
    renewal_to_protection(tb, login, r);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
    ASSERT_EQ(r.step(), cp::AdminRenewal::Step::WaitingForKey);
    EXPECT_EQ(r.cancel(), FlowResult::Cancelled);
    EXPECT_EQ(slow.jobs.run_pending(), 0u);
    EXPECT_EQ(tb.world.admin_pc.certificates.size(), 1u);
    EXPECT_EQ(tb.bank->state().contract.admin_certificate, record);
    EXPECT_TRUE(tb.pki.crl().entries().empty());
}

TEST(PkiBank, NoAtInstallStoresNothingAndRevokesTheNewCertificate) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    cp::AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    renewal_to_protection(tb, login, r);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
    ASSERT_EQ(r.step(), cp::AdminRenewal::Step::ConfirmInstall);
    EXPECT_EQ(r.confirm_install(false), PcResult::InstallDeclined);
    EXPECT_EQ(tb.world.admin_pc.certificates.size(), 1u);
    ASSERT_EQ(tb.pki.crl().entries().size(), 1u);  // the certificate the CA had issued
    EXPECT_FALSE(tb.pki.is_revoked(tb.admin_cert().serial));
}

TEST(PkiBank, IeModeNoStoresNothing) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    const std::vector<cp::InstalledCertificate> before = tb.world.user_pc.certificates;
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services(), cp::AcquisitionPath::InternetExplorerMode);
    ASSERT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    ASSERT_EQ(p.enter_one_time_password(tb.bank->token_display("S0001")), FlowResult::Ok);
    EXPECT_EQ(p.confirm_web_access(false), PcResult::InstallDeclined);
    EXPECT_EQ(tb.world.user_pc.certificates, before);
    EXPECT_EQ(tb.user_pc.jobs.pending(), 0u);
}

TEST(PkiBank, MediumWithARefusingDeviceKeyFailsClearlyAndStoresNothing) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    reissue(tb, "S0001");
    const std::vector<cp::InstalledCertificate> before = tb.world.user_pc.certificates;
    tb.user_pc.device_key.set_refuse(true);
    UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    to_app_ready(tb, p);
    EXPECT_EQ(p.acquire(), PcResult::KeyProtectionFailed);
    EXPECT_EQ(p.step(), UserPickup::Step::Failed);
    EXPECT_EQ(tb.world.user_pc.certificates, before);
    // Protected before the CA is asked: nothing was issued, the pickup is still there.
    EXPECT_EQ(tb.user("S0001").certificate.status, cp::CertStatus::PendingPickup);
    tb.user_pc.device_key.set_refuse(false);
    UserPickup again(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    ASSERT_EQ(tb.bank->advance_time(60), FlowResult::Ok);  // a new one-time password
    to_app_ready(tb, again);
    ASSERT_EQ(again.acquire(), FlowResult::Ok);
    EXPECT_EQ(again.finish(), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
}

TEST(PkiBank, HighProtectionAsksThePasswordAtEveryUse) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    cp::AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    renewal_to_protection(tb, login, r);
    EXPECT_EQ(r.choose_protection(cp::KeyProtection::High), BankResult::InvalidInput);  // no password
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::High, "Kagi-2023"), FlowResult::Ok);
    ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    const cp::InstalledCertificate* renewed = tb.world.admin_pc.find(r.new_serial());
    ASSERT_NE(renewed, nullptr);
    EXPECT_EQ(renewed->protection, cp::KeyProtection::High);
    cp::pki::KeyPair key;  // an encrypted PKCS#8 (OpenSSL reads it: the pki suite checks)
    EXPECT_EQ(cp::pki::read_encrypted_pkcs8(renewed->protected_key.view(), "Kagi-2023", key), cp::pki::PkiError::Ok);

    cp::AdminLogin next(*tb.bank, tb.admin_pc.services());
    ASSERT_EQ(next.choose_certificate(*renewed), FlowResult::Ok);
    ASSERT_EQ(next.step(), cp::AdminLogin::Step::KeyAccess);
    EXPECT_TRUE(next.key_access_needs_password());
    EXPECT_EQ(next.grant_key_access("wrong-pass"), PcResult::WrongKeyPassword);
    EXPECT_EQ(next.step(), cp::AdminLogin::Step::KeyAccess);  // asked again
    EXPECT_EQ(next.grant_key_access(""), PcResult::WrongKeyPassword);
    ASSERT_EQ(next.grant_key_access("Kagi-2023"), FlowResult::Ok);
    EXPECT_EQ(next.step(), cp::AdminLogin::Step::ContractPin);
}

TEST(PkiBank, LowProtectionSignsWithoutAsking) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    cp::AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    renewal_to_protection(tb, login, r);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Low), FlowResult::Ok);
    ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    cp::AdminLogin next(*tb.bank, tb.admin_pc.services());
    ASSERT_EQ(next.choose_certificate(*tb.world.admin_pc.find(r.new_serial())), FlowResult::Ok);
    EXPECT_EQ(next.step(), cp::AdminLogin::Step::ContractPin);
}

TEST(PkiBank, Rsa2048TheProductDefault) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    cp::test::TestPc rsa_pc("rsa admin pc");
    rsa_pc.key_type = cp::pki::KeyType::Rsa2048;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    cp::AdminRenewal r(*tb.bank, login, tb.world.admin_pc, rsa_pc.services());
    renewal_to_protection(tb, login, r);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
    ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
    cp::test::pc_saved(tb);  // the PC saved it: the bank confirms
    cp::pki::Certificate cert;
    ASSERT_EQ(cert.parse(tb.world.admin_pc.find(r.new_serial())->certificate), cp::pki::PkiError::Ok);
    EXPECT_EQ(cp::pki::describe_certificate(cert, "002").key_type, cp::pki::KeyType::Rsa2048);
    cp::AdminLogin next(*tb.bank, rsa_pc.services());
    EXPECT_EQ(cp::test::choose(next, *tb.world.admin_pc.find(r.new_serial())), FlowResult::Ok);
}

TEST(PkiBank, CaAndCrlSurviveSaveAndLoadWithThePcStores) {
    cp::test::TestBank tb;
    const cp::InstalledCertificate s1 = tb.user_cert("S0001");
    reissue(tb, "S0001");  // S0001's certificate revoked: the CRL has an entry
    cp::MemoryStorage bank_db, pc_db;
    ASSERT_EQ(cp::open_now(bank_db, cp::bank_database_schema()), cp::StorageStatus::Ok);
    ASSERT_EQ(cp::open_now(pc_db, cp::pc_database_schema()), cp::StorageStatus::Ok);
    FlowResult saved = PersistResult::StorageFailed;
    cp::save_bank(bank_db, tb.bank->state(), tb.pki.encode().view(), [&](FlowResult r) { saved = r; });
    ASSERT_EQ(saved, FlowResult::Ok);
    for (const auto& c : tb.world.user_pc.certificates)
        cp::save_installed_certificate(pc_db, c, [&](FlowResult r) { EXPECT_EQ(r, FlowResult::Ok); });

    // "Reload": a new CA object, bank and PC store from storage only.
    cp::BankState state;
    cp::pki::SecretBytes record;
    cp::load_bank(bank_db, [&](FlowResult r, cp::BankState s, cp::pki::SecretBytes a, cp::LoadReport) {
        ASSERT_EQ(r, FlowResult::Ok);
        state = std::move(s);
        record = std::move(a);
    });
    cp::PcCertificateStore pc;
    cp::load_pc_store(pc_db, "user-pc", [&](FlowResult r, cp::PcCertificateStore loaded, cp::LoadReport rep) {
        ASSERT_EQ(r, FlowResult::Ok);
        EXPECT_TRUE(rep.set_aside.empty());
        pc = std::move(loaded);
    });
    cp::pki::Drbg rng;
    ASSERT_EQ(rng.seed_from_entropy("reloaded"), cp::pki::PkiError::Ok);
    cp::PkiAuthority ca(rng);
    ASSERT_EQ(ca.decode(record.view()), FlowResult::Ok);
    EXPECT_EQ(ca.crl().crl_number(), tb.pki.crl().crl_number());
    EXPECT_TRUE(ca.is_revoked(s1.serial));
    EXPECT_EQ(ca.issuing_certificate().sha256_fingerprint(), tb.pki.issuing_certificate().sha256_fingerprint());
    cp::Bank bank(state, tb.random, ca);
    ASSERT_NE(pc.find(s1.serial), nullptr);
    {
        cp::UserLogin old_login(bank, tb.user_pc.services());
        EXPECT_EQ(cp::test::choose(old_login, *pc.find(s1.serial)), BankResult::CertificateRevoked);
        cp::UserLogin s2(bank, tb.user_pc.services());
        EXPECT_EQ(cp::test::choose(s2, *pc.find(tb.user_cert("S0002").serial)), FlowResult::Ok);
    }
    // The reloaded CA keeps issuing and revoking (the CRL number goes on).
    UserPickup p(bank, pc, tb.user_pc.services());
    ASSERT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    ASSERT_EQ(p.enter_one_time_password(bank.token_display("S0001")), FlowResult::Ok);
    ASSERT_EQ(p.start_app(), FlowResult::Ok);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    EXPECT_EQ(p.close_app(), PcResult::AppClosedDuringAcquisition);  // issued, then revoked
    EXPECT_EQ(ca.crl().crl_number(), tb.pki.crl().crl_number() + 1);
    EXPECT_EQ(ca.crl().entries().size(), 2u);
}

TEST(PkiBank, DamagedCaRecordIsRefused) {
    cp::test::TestBank tb;
    const cp::pki::SecretBytes good = tb.pki.encode();
    cp::pki::Drbg rng;
    ASSERT_EQ(rng.seed_from_entropy("damaged"), cp::pki::PkiError::Ok);
    cp::PkiAuthority ca(rng);
    for (std::size_t i = 0; i < good.size(); i += 97) {
        std::vector<std::uint8_t> bad(good.view().begin(), good.view().end());
        bad[i] ^= 0x20;
        const FlowResult r = ca.decode(bad);  // never a crash; a flip in a signature is refused
        EXPECT_TRUE(r == FlowResult::Ok || r == PersistResult::StateCorrupted);
    }
    EXPECT_EQ(ca.decode(good.view().first(good.size() - 1)), PersistResult::StateCorrupted);
    EXPECT_EQ(ca.decode({}), PersistResult::StateCorrupted);
    EXPECT_EQ(ca.decode(good.view()), FlowResult::Ok);
}

}  // namespace
