// The bank's CA seen by OpenSSL (the interop oracle, native only): a certificate the bank issued
// from a PC's CSR verifies with `openssl verify -crl_check` against the bank's root, issuing CA
// and CRL; after a reissue the old one is reported revoked, as the bank's login says.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "bank_test_support.h"
#include "pki/certificate.h"
#include "procedures/user_certificate_maintenance.h"
#include "procedures/user_login.h"

namespace {

using cp::BankResult;
using cp::FlowResult;

#if defined(CERTPORTAL_OPENSSL) && !defined(__EMSCRIPTEN__)
struct Dir {
    Dir() {
        char tmpl[] = "/tmp/certportal-bank-XXXXXX";
        const char* d = mkdtemp(tmpl);
        path = d != nullptr ? d : "";
    }
    ~Dir() {
        if (path.rfind("/tmp/certportal-bank-", 0) == 0) (void)std::system(("rm -rf '" + path + "'").c_str());
    }
    std::string file(const std::string& name, cp::pki::ByteView der, const char* pem_label) const {
        std::string pem;
        EXPECT_EQ(cp::pki::detail::pem_encode(der, pem_label, pem), cp::pki::PkiError::Ok);
        const std::string p = path + "/" + name;
        std::ofstream(p) << pem;
        return p;
    }
    std::string path;
};

// Exit code and output of `openssl verify` at `at`.
std::pair<int, std::string> openssl_verify(const Dir& dir, const cp::test::TestBank& tb, cp::pki::ByteView leaf,
                                           cp::SimTime at) {
    const std::string args = std::string(CERTPORTAL_OPENSSL) + " verify -no-CApath -no-CAstore -CAfile " +
                             dir.file("root.pem", tb.pki.root_certificate().der(), "CERTIFICATE") + " -untrusted " +
                             dir.file("issuing.pem", tb.pki.issuing_certificate().der(), "CERTIFICATE") +
                             " -crl_check -CRLfile " + dir.file("crl.pem", tb.pki.crl().der(), "X509 CRL") +
                             " -attime " + std::to_string(at) + " -purpose sslclient " +
                             dir.file("leaf.pem", leaf, "CERTIFICATE") + " 2>&1";
    std::string out;
    FILE* p = popen(args.c_str(), "r");
    if (p == nullptr) return {-1, out};
    char buf[1024];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    const int status = pclose(p);
    return {(status >> 8) & 0xFF, out};
}

TEST(PkiBankOpenssl, VerifyAgreesWithTheBanksCrl) {
    cp::test::TestBank tb;
    const cp::InstalledCertificate old_cert = tb.user_cert("S0001");
    const cp::SimTime at = tb.bank->now() + 3600;
    Dir dir;
    {
        const auto [code, out] = openssl_verify(dir, tb, old_cert.certificate, at);
        EXPECT_EQ(code, 0) << out;
    }
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    ASSERT_EQ(tb.bank->apply_user_certificate_action("S0001", cp::UserCertificateAction::Reissue,
                                                     cp::kSeedSecrets.confirmation_pin),
              FlowResult::Ok);
    const auto [code, out] = openssl_verify(dir, tb, old_cert.certificate, at);
    EXPECT_NE(code, 0);
    EXPECT_NE(out.find("revoked"), std::string::npos) << out;
    cp::UserLogin user(*tb.bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(user, old_cert), BankResult::CertificateRevoked);  // the bank agrees
}
// 失効 on the administrator's 利用者情報変更 screen (the procedure the screens drive): the
// certificate is on the bank's CRL at once, and OpenSSL says so.
TEST(PkiBankOpenssl, RevokingOnTheUserScreenPutsTheCertificateOnTheCrl) {
    cp::test::TestBank tb;
    const cp::InstalledCertificate cert = tb.user_cert("S0002");
    const cp::SimTime at = tb.bank->now() + 60;
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
    cp::UserCertificateMaintenance m(*tb.bank, login);
    ASSERT_EQ(m.select_user("S0002"), FlowResult::Ok);
    ASSERT_EQ(m.choose_change(), FlowResult::Ok);
    ASSERT_EQ(m.apply(cp::UserCertificateAction::Revoke, cp::kSeedSecrets.confirmation_pin, "lost"), FlowResult::Ok);
    Dir dir;
    const auto [code, out] = openssl_verify(dir, tb, cert.certificate, at);
    EXPECT_NE(code, 0);
    EXPECT_NE(out.find("revoked"), std::string::npos) << out;
}
#else
TEST(PkiBankOpenssl, VerifyAgreesWithTheBanksCrl) {
    GTEST_SKIP() << "OpenSSL CLI interop runs natively only (no processes under wasm)";
}
#endif

}  // namespace
