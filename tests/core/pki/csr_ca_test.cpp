// certportal pki tests: CSRs (proof of possession), the CA hierarchy, issued certificates.
#include <gtest/gtest.h>

#include <mbedtls/oid.h>
#include <mbedtls/x509_crt.h>

#include "pki/ca.h"
#include "pki/certificate.h"
#include "pki_test_util.h"

namespace cp::pki {
namespace {

using test::kDay;
using test::kNow;

TEST(PkiCsr, ClientCsrCarriesJapaneseSubjectAndVerifies) {
    Drbg rng;
    test::seed_for_test(rng, "csr");
    Bytes der;
    ASSERT_PKI_OK(create_client_csr(test::shared_ec_key(), test::admin_subject(), rng, der));
    Csr csr;
    ASSERT_PKI_OK(csr.parse_and_verify(der));
    EXPECT_EQ("CN=00009876543 1635, OU=管理者, O=株式会社テスト商事, C=JP", csr.subject());
    const SubjectIdentity id = csr.subject_identity();
    EXPECT_EQ("00009876543 1635", id.common_name);
    EXPECT_EQ("管理者", id.organizational_unit);
}

TEST(PkiCsr, TamperedCsrFailsProofOfPossession) {
    Drbg rng;
    test::seed_for_test(rng, "csr tamper");
    Bytes der;
    ASSERT_PKI_OK(create_client_csr(test::shared_ec_key(), test::user_subject(), rng, der));
    // Flip a byte inside the subject's CN value (the signed part), keeping the DER valid.
    const std::string needle = "S0001";
    std::string text = to_string(der);
    const std::size_t at = text.find(needle);
    ASSERT_NE(std::string::npos, at);
    der[at] = 'T';
    Csr csr;
    EXPECT_EQ(PkiError::SignatureInvalid, csr.parse_and_verify(der));
    // And the CA refuses to issue.
    Bytes cert;
    IssueOptions o;
    o.not_before = kNow;
    EXPECT_EQ(PkiError::SignatureInvalid,
              test::shared_ca().issuing.issue_client_certificate(der, test::user_subject(), o, rng, cert));
}

TEST(PkiCsr, InvalidSubjectsAreRejected) {
    Drbg rng;
    test::seed_for_test(rng, "bad subject");
    Bytes der;
    ClientSubject s = test::admin_subject();
    s.contract_id = "123";
    EXPECT_EQ(PkiError::InvalidArgument, create_client_csr(test::shared_ec_key(), s, rng, der));
    s = test::admin_subject();
    s.bank_code = "16a5";
    EXPECT_EQ(PkiError::InvalidArgument, create_client_csr(test::shared_ec_key(), s, rng, der));
    s = test::user_subject();
    s.user_id = "S 01";
    EXPECT_EQ(PkiError::InvalidArgument, create_client_csr(test::shared_ec_key(), s, rng, der));
    s = test::user_subject();
    s.user_id = std::string(31, 'A');  // the bank's 利用者ID is 1..30 characters
    EXPECT_EQ(PkiError::InvalidArgument, create_client_csr(test::shared_ec_key(), s, rng, der));
    s.user_id = std::string(30, 'A');
    ASSERT_PKI_OK(create_client_csr(test::shared_ec_key(), s, rng, der));
    s = test::user_subject();
    s.organization = "bad\xff";
    EXPECT_EQ(PkiError::InvalidArgument, create_client_csr(test::shared_ec_key(), s, rng, der));
    s = test::user_subject();
    s.organization = "株式会社, \"カンマ\" + 商事";  // special characters need no escaping
    ASSERT_PKI_OK(create_client_csr(test::shared_ec_key(), s, rng, der));
    Csr csr;
    ASSERT_PKI_OK(csr.parse_and_verify(der));
    EXPECT_EQ("株式会社, \"カンマ\" + 商事", csr.subject_identity().organization);
}

TEST(PkiCa, HierarchyNamesAndProfiles) {
    const CaHierarchy& ca = test::shared_ca();
    EXPECT_EQ("CN=しんきん電子証明書認証局 ルートCA, O=テスト信用金庫, C=JP", ca.root.certificate().subject());
    EXPECT_EQ(ca.root.certificate().subject(), ca.root.certificate().issuer());
    EXPECT_EQ("CN=しんきん電子証明書認証局, O=テスト信用金庫, C=JP", ca.issuing.certificate().subject());
    EXPECT_EQ(ca.root.certificate().subject(), ca.issuing.certificate().issuer());
    EXPECT_TRUE(ca.root.certificate().is_ca());
    EXPECT_TRUE(ca.issuing.certificate().is_ca());
    EXPECT_EQ(1, ca.issuing.certificate().raw()->MBEDTLS_PRIVATE(max_pathlen));  // pathlen 0 (+1 in Mbed TLS)
}

TEST(PkiCa, ClientCertificateProfile) {
    const Bytes der = test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow);
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(der));
    const mbedtls_x509_crt* c = cert.raw();
    EXPECT_EQ(3, c->version);
    EXPECT_FALSE(cert.is_ca());
    EXPECT_EQ(0, mbedtls_x509_crt_check_key_usage(c, MBEDTLS_X509_KU_DIGITAL_SIGNATURE));
    EXPECT_NE(0, mbedtls_x509_crt_check_key_usage(c, MBEDTLS_X509_KU_KEY_CERT_SIGN));
    EXPECT_EQ(0, mbedtls_x509_crt_check_extended_key_usage(c, MBEDTLS_OID_CLIENT_AUTH,
                                                           MBEDTLS_OID_SIZE(MBEDTLS_OID_CLIENT_AUTH)));
    EXPECT_NE(0, mbedtls_x509_crt_check_extended_key_usage(c, MBEDTLS_OID_SERVER_AUTH,
                                                           MBEDTLS_OID_SIZE(MBEDTLS_OID_SERVER_AUTH)));
    EXPECT_NE(nullptr, c->subject_key_id.p);
    EXPECT_NE(nullptr, c->authority_key_id.keyIdentifier.p);
    // 128-bit positive serial: 16 magnitude bytes, first non-zero.
    const Bytes serial = cert.serial();
    EXPECT_EQ(16u, serial.size());
    EXPECT_NE(0, serial[0]);
    EXPECT_EQ(kNow, cert.not_before());
    EXPECT_EQ(add_years(kNow, 1), cert.not_after());
    EXPECT_EQ("CN=00009876543 1635, OU=管理者, O=株式会社テスト商事, C=JP", cert.subject());
    EXPECT_EQ(test::shared_ca().issuing.certificate().subject(), cert.issuer());
}

TEST(PkiCa, ValidityIsConfigurableAndSerialsDiffer) {
    const Bytes a = test::issue_for(test::shared_ec_key(), test::user_subject(), kNow, 30);
    const Bytes b = test::issue_for(test::shared_ec_key(), test::user_subject(), kNow, 30);
    Certificate ca, cb;
    ASSERT_PKI_OK(ca.parse(a));
    ASSERT_PKI_OK(cb.parse(b));
    EXPECT_EQ(kNow + 30 * kDay, ca.not_after());
    EXPECT_NE(ca.serial_hex(), cb.serial_hex());
    EXPECT_EQ(32u, ca.serial_hex().size());
}

TEST(PkiCa, DisplayInfo) {
    const Bytes der = test::issue_for(test::shared_ec_key(), test::user_subject(), kNow);
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(der));
    const CertificateInfo info = describe_certificate(cert, "001");
    EXPECT_EQ("001", info.issue_number);
    EXPECT_EQ(cert.serial_hex(), info.serial_hex);
    EXPECT_EQ(kNow, info.not_before);
    EXPECT_EQ(add_years(kNow, 1), info.not_after);
    EXPECT_EQ(95u, info.sha256_fingerprint.size());  // 32 bytes as "AB:" * 31 + "AB"
    EXPECT_EQ("00009876543 S0001", info.common_name);
    EXPECT_EQ("CN=00009876543 S0001, OU=利用者, O=株式会社テスト商事, C=JP", info.subject);
    EXPECT_EQ("CN=しんきん電子証明書認証局, O=テスト信用金庫, C=JP", info.issuer);
    EXPECT_EQ(KeyType::EcP256, info.key_type);
}

TEST(PkiCa, RsaClientCertificateFromEcCa) {
    const Bytes der = test::issue_for(test::shared_rsa_key(), test::admin_subject(), kNow);
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(der));
    EXPECT_EQ(KeyType::Rsa2048, describe_certificate(cert, "002").key_type);
}

TEST(PkiCa, ExportAndLoadRoundTrip) {
    const CaHierarchy& h = test::shared_ca();
    std::string cert_pem;
    SecretBytes key_pem;
    ASSERT_PKI_OK(h.issuing.export_pem(cert_pem, key_pem));
    Drbg rng;
    test::seed_for_test(rng, "load");
    CertificateAuthority loaded;
    ASSERT_PKI_OK(loaded.load(as_bytes(cert_pem), key_pem.view(), rng));
    EXPECT_EQ(h.issuing.certificate().sha256_fingerprint(), loaded.certificate().sha256_fingerprint());
    // Key of another CA: mismatch. A client certificate: not a CA.
    std::string root_pem;
    SecretBytes root_key;
    ASSERT_PKI_OK(h.root.export_pem(root_pem, root_key));
    CertificateAuthority wrong;
    EXPECT_EQ(PkiError::KeyMismatch, wrong.load(as_bytes(cert_pem), root_key.view(), rng));
    const Bytes client = test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow);
    SecretBytes client_key;
    ASSERT_PKI_OK(test::shared_ec_key().write_pkcs8_der(client_key));
    EXPECT_EQ(PkiError::NotACertificateAuthority, wrong.load(client, client_key.view(), rng));
}

TEST(PkiCa, RsaHierarchyIssuesAndChains) {
    Drbg rng;
    test::seed_for_test(rng, "rsa ca");
    CaSetup setup;  // RSA-2048 by default, like the bank
    CaHierarchy h;
    ASSERT_PKI_OK(create_ca_hierarchy(setup, kNow, rng, h));
    EXPECT_EQ(KeyType::Rsa2048, h.issuing.key().type());
    Bytes csr, der;
    ASSERT_PKI_OK(create_client_csr(test::shared_rsa_key(), test::admin_subject(), rng, csr));
    IssueOptions o;
    o.not_before = kNow;
    ASSERT_PKI_OK(h.issuing.issue_client_certificate(csr, test::admin_subject(), o, rng, der));
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(der));
    EXPECT_EQ("CN=しんきん電子証明書認証局, C=JP", cert.issuer());
}

}  // namespace
}  // namespace cp::pki
