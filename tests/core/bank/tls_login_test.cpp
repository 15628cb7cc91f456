// The certificate logins through the real TLS handshake (procedures/certificate_login_step.h), on
// both TLS versions of the bank's profile (BankConfig::tls_version): each outcome of the handshake
// as the login's result (the seeds' words: the result codes the page showed before the handshake)
// and as the capture the bank keeps (Bank::last_login_handshake: the viewer's source).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "bank_test_support.h"
#include "pki/ca.h"
#include "pki/certificate.h"
#include "procedures/admin_login.h"
#include "procedures/user_login.h"
#include "tls/capture.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::tls::Direction;
using cp::tls::Outcome;

struct Version {
    cp::TlsVersion bank;
    cp::tls::Version wire;
    const char* name;
};

class TlsLogin : public ::testing::TestWithParam<Version> {
protected:
    cp::BankConfig config() const {
        cp::BankConfig c = cp::test::fast_config();
        c.tls_version = GetParam().bank;
        return c;
    }
    // The handshake the bank kept of the login that just ended, on the profile's version.
    static const cp::tls::Capture& kept(const cp::test::TestBank& tb) {
        const cp::tls::Capture* c = tb.bank->last_login_handshake();
        EXPECT_NE(c, nullptr) << "every ended certificate login keeps its handshake";
        static const cp::tls::Capture none;
        return c != nullptr ? *c : none;
    }
    void expect_alert(const cp::tls::Capture& c, Direction from, std::uint8_t description) const {
        EXPECT_EQ(c.version, GetParam().wire);
        ASSERT_TRUE(c.alert.has_value()) << c.outcome;
        EXPECT_EQ(c.alert->direction, from);
        EXPECT_EQ(c.alert->level, 2) << "fatal";
        EXPECT_EQ(int{c.alert->description}, int{description}) << cp::tls::alert_name(c.alert->description);
    }
};

TEST_P(TlsLogin, AValidCertificateLogsOnThroughTheHandshake) {
    cp::test::TestBank tb(cp::Preset::SeedWorld, 42, config());
    EXPECT_EQ(tb.bank->last_login_handshake(), nullptr) << "no certificate login yet";
    cp::AdminLogin admin(*tb.bank, tb.admin_pc.services());
    EXPECT_TRUE(cp::test::login_admin(tb, admin));
    const cp::tls::Capture& c = kept(tb);
    EXPECT_EQ(c.outcome, Outcome::Ok);
    EXPECT_EQ(c.version, GetParam().wire);
    EXPECT_FALSE(c.alert.has_value());
    EXPECT_EQ(c.client_certificate_status, cp::pki::CertificateStatus::Valid);
    EXPECT_FALSE(c.key_log.empty());
    cp::UserLogin user(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(user, tb.user_cert("S0001")), FlowResult::Ok);
    EXPECT_EQ(user.user_id(), "S0001");
    EXPECT_EQ(kept(tb).outcome, Outcome::Ok);
}

// The server's verify callback on the simulated clock: certificate_expired (45) from the server,
// and the page says what it said (AdminCertificateExpired / CertificateExpired).
TEST_P(TlsLogin, AnExpiredCertificateEndsInTheServersCertificateExpired) {
    cp::test::TestBank tb(cp::Preset::SeedWorld, 42, config());
    const cp::SimTime last = std::max(tb.admin_cert().not_after, tb.user_cert("S0002").not_after);
    ASSERT_EQ(tb.bank->advance_time(last - tb.bank->now() + 1), FlowResult::Ok);  // both expired
    cp::AdminLogin admin(*tb.bank, tb.admin_pc.services());
    EXPECT_EQ(cp::test::choose(admin, tb.admin_cert()), BankResult::AdminCertificateExpired);
    EXPECT_EQ(kept(tb).outcome, Outcome::Expired);
    expect_alert(kept(tb), Direction::ServerToClient, 45);
    cp::UserLogin user(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(user, tb.user_cert("S0002")), BankResult::CertificateExpired);
    EXPECT_EQ(kept(tb).outcome, Outcome::Expired);
    // A user's expired certificate at 管理者ログイン: expired, not 「管理者の電子証明書の有効期間が経過」.
    cp::AdminLogin wrong(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(wrong, tb.user_cert("S0002")), BankResult::CertificateExpired);
    EXPECT_EQ(kept(tb).outcome, Outcome::Expired);
}

// The bank's current CRL: certificate_revoked (44).
TEST_P(TlsLogin, ARevokedCertificateEndsInTheServersCertificateRevoked) {
    cp::test::TestBank tb(cp::Preset::SeedWorld, 42, config());
    const cp::InstalledCertificate old_cert = tb.user_cert("S0001");
    cp::test::reissue(tb, "S0001");  // the old certificate goes on the CRL
    cp::UserLogin user(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(user, old_cert), BankResult::CertificateRevoked);
    EXPECT_EQ(kept(tb).outcome, Outcome::Revoked);
    expect_alert(kept(tb), Direction::ServerToClient, 44);
}

// A superseded certificate passes X.509 (valid, not revoked): the handshake completes and the bank's
// record of the holder refuses it, as an application server does.
TEST_P(TlsLogin, ASupersededCertificatePassesTheHandshakeAndTheBankRefusesIt) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow, 42, config());
    const cp::InstalledCertificate old_cert = tb.admin_cert();
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    cp::AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
    ASSERT_EQ(r.start(), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
    ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
    ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
    cp::test::pc_saved(tb);
    cp::AdminLogin with_old(*tb.bank, tb.admin_pc.services());
    EXPECT_EQ(cp::test::choose(with_old, old_cert), BankResult::CertificateSuperseded);
    EXPECT_EQ(kept(tb).outcome, Outcome::Ok);
    EXPECT_FALSE(kept(tb).alert.has_value());
}

// The seed's 誤った証明書: a user's certificate at 管理者ログイン passes the handshake (the bank's CA
// issued it) and is refused by the bank as NotAdminCertificate.
TEST_P(TlsLogin, AUsersCertificateAtTheAdministratorsLoginIsRefusedAfterTheHandshake) {
    cp::test::TestBank tb(cp::Preset::SeedWorld, 42, config());
    cp::AdminLogin admin(*tb.bank, tb.user_pc.services());  // on 利用者のパソコン, whose store has it
    EXPECT_EQ(cp::test::choose(admin, tb.user_cert("S0001")), BankResult::NotAdminCertificate);
    EXPECT_EQ(admin.step(), cp::AdminLogin::Step::Failed);
    EXPECT_EQ(kept(tb).outcome, Outcome::Ok);
}

// A certificate from another CA in the PC's store: unknown_ca (48), CertificateUnknown as before.
TEST_P(TlsLogin, ACertificateOfAnotherCaEndsInUnknownCa) {
    cp::test::TestBank tb(cp::Preset::SeedWorld, 42, config());
    cp::test::TestBank other(cp::Preset::SeedWorld, 7, config());
    cp::test::TestPc other_pc("user 7");  // the PC whose device key sealed it
    cp::UserLogin user(*tb.bank, other_pc.services());
    EXPECT_EQ(cp::test::choose(user, other.user_cert("S0002")), BankResult::CertificateUnknown);
    EXPECT_EQ(kept(tb).outcome, Outcome::UnknownCa);
    expect_alert(kept(tb), Direction::ServerToClient, 48);
}

// 拒否 at 「このアプリが秘密キーにアクセスすることを許可しますか？」: the browser aborts the
// handshake with internal_error (80); the page says KeyAccessDenied as before; the bank kept it.
TEST_P(TlsLogin, RefusingTheKeyAbortsTheHandshakeWithTheClientsAlert) {
    cp::test::TestBank tb(cp::Preset::SeedWorld, 42, config());
    cp::AdminLogin admin(*tb.bank, tb.admin_pc.services());
    ASSERT_EQ(admin.choose_certificate(tb.admin_cert()), FlowResult::Ok);
    ASSERT_EQ(admin.step(), cp::AdminLogin::Step::KeyAccess);
    EXPECT_EQ(tb.bank->last_login_handshake(), nullptr) << "held at the CertificateRequest: not ended";
    EXPECT_EQ(admin.deny_key_access(), PcResult::KeyAccessDenied);
    EXPECT_EQ(admin.failure(), PcResult::KeyAccessDenied);
    EXPECT_EQ(kept(tb).outcome, Outcome::KeyAccessDenied);
    expect_alert(kept(tb), Direction::ClientToServer, 80);
    // Nothing of the client's Certificate crossed: the last record is the client's alert.
    ASSERT_FALSE(kept(tb).records.empty());
    EXPECT_EQ(kept(tb).records.back().direction, Direction::ClientToServer);
}

// The chooser lists what the server's CertificateRequest accepts: TLS 1.2 reads the CA names off the
// wire; TLS 1.3 (Mbed TLS's server sends none) the configured CA. Either way the bank's own
// certificates (a user's at the administrator's login too) are listed, another CA's are not. (The
// match is by the issuer's name, as a browser's: another CA of the same name is listed, and the
// handshake refuses it: ACertificateOfAnotherCaEndsInUnknownCa.)
TEST_P(TlsLogin, TheChooserListsWhatTheCertificateRequestAccepts) {
    cp::test::TestBank tb(cp::Preset::SeedWorld, 42, config());
    cp::pki::CaSetup foreign_setup;
    foreign_setup.ca_name = "Another Bank CA";
    foreign_setup.key_type = cp::pki::KeyType::EcP256;
    cp::pki::CaHierarchy foreign;
    ASSERT_EQ(cp::pki::create_ca_hierarchy(foreign_setup, cp::kPresetCaNotBefore, tb.ca_rng, foreign), cp::pki::PkiError::Ok);
    cp::pki::KeyPair key;
    ASSERT_EQ(key.generate(cp::pki::KeyType::EcP256, tb.ca_rng), cp::pki::PkiError::Ok);
    cp::pki::IssueOptions options;
    options.not_before = tb.bank->now();
    cp::InstalledCertificate other;
    ASSERT_EQ(foreign.issuing.issue_server_certificate(key, "other.example", options, tb.ca_rng, other.certificate),
              cp::pki::PkiError::Ok);
    cp::AdminLogin admin(*tb.bank, tb.admin_pc.services());
    EXPECT_EQ(admin.tls_version(), GetParam().wire);
    if (GetParam().wire == cp::tls::Version::Tls12) {
        ASSERT_EQ(admin.requested_authorities().size(), 1u) << "the bank's issuing CA only";
    } else {
        EXPECT_TRUE(admin.requested_authorities().empty());
    }
    EXPECT_TRUE(admin.accepts(tb.admin_cert()));
    EXPECT_TRUE(admin.accepts(tb.user_cert("S0001"))) << "誤った証明書 stays choosable";
    EXPECT_FALSE(admin.accepts(other));
}

INSTANTIATE_TEST_SUITE_P(BothVersions, TlsLogin,
                         ::testing::Values(Version{cp::TlsVersion::Tls12, cp::tls::Version::Tls12, "tls12"},
                                           Version{cp::TlsVersion::Tls13, cp::tls::Version::Tls13, "tls13"}),
                         [](const ::testing::TestParamInfo<Version>& p) { return std::string(p.param.name); });

}  // namespace
