// certportal pki tests: certificate login (challenge–response).
#include <gtest/gtest.h>

#include "pki/login.h"
#include "pki_test_util.h"

namespace cp::pki {
namespace {

using test::kDay;
using test::kNow;

struct LoginFixture {
    TrustStore store;
    Drbg rng;
    LoginFixture() {
        store.roots.push_back(&test::shared_ca().root.certificate());
        store.intermediates.push_back(&test::shared_ca().issuing.certificate());
        test::seed_for_test(rng, "login");
    }
};

ExpectedLogin admin_login() {
    ExpectedLogin e;
    e.role = CertificateRole::Administrator;
    e.contract_id = "00009876543";
    e.bank_code = "1635";
    return e;
}

ExpectedLogin user_login() {
    ExpectedLogin e;
    e.role = CertificateRole::User;
    e.contract_id = "00009876543";
    e.user_id = "S0001";
    return e;
}

TEST(PkiLogin, AdministratorLoginSucceeds) {
    LoginFixture f;
    const Bytes cert = test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow);
    Bytes nonce, sig;
    ASSERT_PKI_OK(create_login_challenge(f.rng, nonce));
    EXPECT_EQ(kLoginNonceSize, nonce.size());
    ASSERT_PKI_OK(sign_login_challenge(test::shared_ec_key(), nonce, f.rng, sig));
    const LoginVerdict v = verify_login(cert, nonce, sig, admin_login(), f.store, kNow + kDay);
    EXPECT_EQ(LoginResult::Ok, v.result) << login_result_name(v.result);
    EXPECT_EQ(CertificateStatus::Valid, v.status);
    EXPECT_EQ("00009876543 1635", v.common_name);
}

TEST(PkiLogin, RsaUserLoginSucceeds) {
    LoginFixture f;
    const Bytes cert = test::issue_for(test::shared_rsa_key(), test::user_subject(), kNow);
    Bytes nonce, sig;
    ASSERT_PKI_OK(create_login_challenge(f.rng, nonce));
    ASSERT_PKI_OK(sign_login_challenge(test::shared_rsa_key(), nonce, f.rng, sig));
    EXPECT_EQ(LoginResult::Ok, verify_login(cert, nonce, sig, user_login(), f.store, kNow + kDay).result);
}

TEST(PkiLogin, UserCertificateAtAdministratorLoginIsWrongCertificate) {
    LoginFixture f;
    const Bytes cert = test::issue_for(test::shared_ec_key(), test::user_subject(), kNow);
    Bytes nonce, sig;
    ASSERT_PKI_OK(create_login_challenge(f.rng, nonce));
    ASSERT_PKI_OK(sign_login_challenge(test::shared_ec_key(), nonce, f.rng, sig));
    const LoginVerdict v = verify_login(cert, nonce, sig, admin_login(), f.store, kNow + kDay);
    EXPECT_EQ(LoginResult::WrongCertificate, v.result);
    EXPECT_EQ("00009876543 S0001", v.common_name);
    // Another contract's administrator certificate: wrong certificate too.
    ExpectedLogin other = admin_login();
    other.contract_id = "00001111111";
    const Bytes admin_cert = test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow);
    EXPECT_EQ(LoginResult::WrongCertificate, verify_login(admin_cert, nonce, sig, other, f.store, kNow + kDay).result);
}

TEST(PkiLogin, ProofWithAnotherKeyOrNonceFails) {
    LoginFixture f;
    const Bytes cert = test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow);
    Bytes nonce, other_nonce, sig;
    ASSERT_PKI_OK(create_login_challenge(f.rng, nonce));
    ASSERT_PKI_OK(create_login_challenge(f.rng, other_nonce));
    ASSERT_PKI_OK(sign_login_challenge(test::shared_rsa_key(), nonce, f.rng, sig));  // key/cert mismatch
    EXPECT_EQ(LoginResult::BadProof, verify_login(cert, nonce, sig, admin_login(), f.store, kNow + kDay).result);
    ASSERT_PKI_OK(sign_login_challenge(test::shared_ec_key(), other_nonce, f.rng, sig));  // replayed/other nonce
    EXPECT_EQ(LoginResult::BadProof, verify_login(cert, nonce, sig, admin_login(), f.store, kNow + kDay).result);
    EXPECT_EQ(LoginResult::InvalidChallenge,
              verify_login(cert, ByteView(nonce).first(16), sig, admin_login(), f.store, kNow + kDay).result);
    EXPECT_EQ(PkiError::InvalidArgument, sign_login_challenge(test::shared_ec_key(), ByteView(nonce).first(8), f.rng, sig));
}

TEST(PkiLogin, ExpiredRevokedAndForeignCertificates) {
    LoginFixture f;
    const Bytes cert = test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow, 10);
    Bytes nonce, sig;
    ASSERT_PKI_OK(create_login_challenge(f.rng, nonce));
    ASSERT_PKI_OK(sign_login_challenge(test::shared_ec_key(), nonce, f.rng, sig));
    LoginVerdict v = verify_login(cert, nonce, sig, admin_login(), f.store, kNow + 11 * kDay);
    EXPECT_EQ(LoginResult::CertificateNotValid, v.result);
    EXPECT_EQ(CertificateStatus::Expired, v.status);

    Certificate parsed;
    ASSERT_PKI_OK(parsed.parse(cert));
    CrlContents c;
    c.this_update = kNow + kDay;
    c.next_update = kNow + 8 * kDay;
    c.revoked.push_back({parsed.serial(), kNow + kDay, RevocationReason::KeyCompromise});
    Bytes crl_der;
    ASSERT_PKI_OK(write_crl(test::shared_ca().issuing, c, f.rng, crl_der));
    Crl crl;
    ASSERT_PKI_OK(crl.parse(crl_der));
    f.store.crls.push_back(&crl);
    v = verify_login(cert, nonce, sig, admin_login(), f.store, kNow + 2 * kDay);
    EXPECT_EQ(LoginResult::CertificateNotValid, v.result);
    EXPECT_EQ(CertificateStatus::Revoked, v.status);

    // Self-made certificate with the right name: untrusted.
    CaHierarchy fake;
    CaSetup setup;
    setup.key_type = KeyType::EcP256;  // same CA names as the bank's, different keys
    setup.organization = "テスト信用金庫";
    ASSERT_PKI_OK(create_ca_hierarchy(setup, kNow - kDay, f.rng, fake));
    Bytes csr, fake_cert;
    ASSERT_PKI_OK(create_client_csr(test::shared_ec_key(), test::admin_subject(), f.rng, csr));
    IssueOptions o;
    o.not_before = kNow;
    ASSERT_PKI_OK(fake.issuing.issue_client_certificate(csr, test::admin_subject(), o, f.rng, fake_cert));
    v = verify_login(fake_cert, nonce, sig, admin_login(), f.store, kNow + kDay);
    EXPECT_EQ(LoginResult::UntrustedCertificate, v.result);
    EXPECT_EQ(CertificateStatus::BadSignature, v.status);  // same issuer name, wrong key
    EXPECT_EQ(LoginResult::MalformedCertificate,
              verify_login(as_bytes("garbage"), nonce, sig, admin_login(), f.store, kNow).result);
}

}  // namespace
}  // namespace cp::pki
