// certportal pki tests: OpenSSL's CLI as the interop oracle (native only; skipped under wasm).
//
// OpenSSL parses our certificates, CSRs, CRLs and encrypted keys, and `openssl verify
// -crl_check` agrees with verify_certificate() on every status. In the other direction, our
// parsers read what OpenSSL writes.
#include <gtest/gtest.h>

#include "pki/ca.h"
#include "pki/crl.h"
#include "pki/pkcs8.h"
#include "pki/verify.h"
#include "pki_test_util.h"

namespace cp::pki {
namespace {

using test::kDay;
using test::kNow;
using test::run_openssl;
using test::TempDir;

std::string pem_of(const Certificate& c) {
    std::string s;
    EXPECT_EQ(PkiError::Ok, c.pem(s));
    return s;
}

// Writes the shared CA to dir: root.pem, issuing.pem.
void write_ca(const TempDir& dir) {
    dir.write("root.pem", pem_of(test::shared_ca().root.certificate()));
    dir.write("issuing.pem", pem_of(test::shared_ca().issuing.certificate()));
}

// `openssl verify` at `at` with the shared CA (and a CRL file when given). Returns its output.
test::CommandResult openssl_verify(const TempDir& dir, const std::string& leaf, UnixTime at,
                                   const std::string& crl_file = {}) {
    std::string args = "verify -no-CApath -no-CAstore -CAfile " + dir.path("root.pem") + " -untrusted " +
                       dir.path("issuing.pem") + " -attime " + std::to_string(at) + " -purpose sslclient";
    if (!crl_file.empty()) args += " -crl_check -CRLfile " + dir.path(crl_file);
    args += " " + dir.path(leaf);
    return run_openssl(args);
}

TEST(PkiOpenssl, ParsesOurCertificateWithJapaneseSubject) {
    CP_SKIP_WITHOUT_OPENSSL();
    TempDir dir;
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow)));
    dir.write("leaf.pem", pem_of(cert));
    const auto r = run_openssl("x509 -in " + dir.path("leaf.pem") + " -noout -text -nameopt utf8,sep_comma_plus_space");
    ASSERT_EQ(0, r.exit_code) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("Version: 3")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("CN=00009876543 1635")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("OU=管理者")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("O=株式会社テスト商事")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("CN=しんきん電子証明書認証局")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("TLS Web Client Authentication")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("Digital Signature")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("Subject Key Identifier")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("Authority Key Identifier")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("CA:FALSE")) << r.output;
    // Serial and fingerprint agree with ours.
    const auto s = run_openssl("x509 -in " + dir.path("leaf.pem") + " -noout -serial -fingerprint -sha256");
    ASSERT_EQ(0, s.exit_code) << s.output;
    std::string serial_upper = cert.serial_hex();
    for (char& c : serial_upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_NE(std::string::npos, s.output.find("serial=" + serial_upper)) << s.output;
    EXPECT_NE(std::string::npos, s.output.find(cert.sha256_fingerprint())) << s.output;
}

TEST(PkiOpenssl, VerifiesOurCsrSignature) {
    CP_SKIP_WITHOUT_OPENSSL();
    TempDir dir;
    Drbg rng;
    test::seed_for_test(rng, "openssl csr");
    for (const KeyPair* key : {&test::shared_ec_key(), &test::shared_rsa_key()}) {
        Bytes der;
        ASSERT_PKI_OK(create_client_csr(*key, test::user_subject(), rng, der));
        dir.write("req.der", der);
        const auto r = run_openssl("req -inform DER -in " + dir.path("req.der") +
                                   " -noout -verify -subject -nameopt utf8,sep_comma_plus_space");
        ASSERT_EQ(0, r.exit_code) << r.output;
        EXPECT_NE(std::string::npos, r.output.find("verify OK")) << r.output;
        EXPECT_NE(std::string::npos, r.output.find("CN=00009876543 S0001")) << r.output;
        EXPECT_NE(std::string::npos, r.output.find("OU=利用者")) << r.output;
    }
}

TEST(PkiOpenssl, ParsesOurCrlWithNumberAndReasons) {
    CP_SKIP_WITHOUT_OPENSSL();
    TempDir dir;
    Drbg rng;
    test::seed_for_test(rng, "openssl crl");
    CrlContents c;
    c.crl_number = 7;
    c.this_update = kNow;
    c.next_update = kNow + 7 * kDay;
    c.revoked.push_back({{0x12, 0x34}, kNow - kDay, RevocationReason::KeyCompromise});
    c.revoked.push_back({{0x9A, 0xBC}, kNow - kDay, RevocationReason::CessationOfOperation});
    c.revoked.push_back({{0x56}, kNow - kDay, RevocationReason::Unspecified});
    Bytes der;
    ASSERT_PKI_OK(write_crl(test::shared_ca().issuing, c, rng, der));
    dir.write("crl.der", der);
    write_ca(dir);
    const auto r = run_openssl("crl -inform DER -in " + dir.path("crl.der") + " -noout -text -CAfile " +
                               dir.path("issuing.pem"));
    ASSERT_EQ(0, r.exit_code) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("verify OK")) << r.output;  // signature checked by OpenSSL
    EXPECT_NE(std::string::npos, r.output.find("Version 2")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("X509v3 CRL Number: \n                7")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("Key Compromise")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("Cessation Of Operation")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("Serial Number: 9ABC")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("X509v3 Authority Key Identifier")) << r.output;
}

TEST(PkiOpenssl, VerifyVerdictsAgree) {
    CP_SKIP_WITHOUT_OPENSSL();
    TempDir dir;
    write_ca(dir);
    const CaHierarchy& h = test::shared_ca();
    TrustStore store;
    store.roots.push_back(&h.root.certificate());
    store.intermediates.push_back(&h.issuing.certificate());

    Certificate good, revoked;
    ASSERT_PKI_OK(good.parse(test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow, 30)));
    ASSERT_PKI_OK(revoked.parse(test::issue_for(test::shared_ec_key(), test::user_subject(), kNow, 30)));
    dir.write("good.pem", pem_of(good));
    dir.write("revoked.pem", pem_of(revoked));

    Drbg rng;
    test::seed_for_test(rng, "verdicts");
    CrlContents c;
    c.crl_number = 2;
    c.this_update = kNow + kDay;
    c.next_update = kNow + 60 * kDay;
    c.revoked.push_back({revoked.serial(), kNow + kDay, RevocationReason::KeyCompromise});
    Bytes crl_der;
    ASSERT_PKI_OK(write_crl(h.issuing, c, rng, crl_der));
    Crl crl;
    ASSERT_PKI_OK(crl.parse(crl_der));
    std::string crl_pem;
    ASSERT_PKI_OK(crl.pem(crl_pem));
    dir.write("crl.pem", crl_pem);
    store.crls.push_back(&crl);

    struct Case {
        const char* leaf;
        UnixTime at;
        CertificateStatus ours;
        const char* openssl_says;  // substring of OpenSSL's output
    };
    const Case cases[] = {
        {"good.pem", kNow + 2 * kDay, CertificateStatus::Valid, ": OK"},
        {"revoked.pem", kNow + 2 * kDay, CertificateStatus::Revoked, "certificate revoked"},
        {"good.pem", kNow + 31 * kDay, CertificateStatus::Expired, "certificate has expired"},
        {"good.pem", kNow - kDay, CertificateStatus::NotYetValid, "certificate is not yet valid"},
    };
    for (const Case& k : cases) {
        Certificate cert;
        ASSERT_PKI_OK(cert.parse(dir.read(k.leaf)));
        EXPECT_EQ(k.ours, verify_certificate(cert, store, k.at).status) << k.leaf << " at " << iso_time_string(k.at);
        // -crl_check needs a CRL current at that time: give it only where the CRL is current.
        const bool crl_current = k.at >= c.this_update && k.at <= c.next_update;
        const auto r = openssl_verify(dir, k.leaf, k.at, crl_current ? "crl.pem" : "");
        EXPECT_NE(std::string::npos, r.output.find(k.openssl_says)) << k.leaf << ": " << r.output;
        EXPECT_EQ(k.ours == CertificateStatus::Valid, r.exit_code == 0) << r.output;
    }
}

TEST(PkiOpenssl, UnknownIssuerAndBadSignatureAgree) {
    CP_SKIP_WITHOUT_OPENSSL();
    TempDir dir;
    write_ca(dir);
    const CaHierarchy& h = test::shared_ca();
    TrustStore store;
    store.roots.push_back(&h.root.certificate());
    store.intermediates.push_back(&h.issuing.certificate());

    // Issued by a foreign CA with the same layout.
    Drbg rng;
    test::seed_for_test(rng, "foreign");
    CaSetup setup;
    setup.ca_name = "別の認証局";
    setup.key_type = KeyType::EcP256;
    CaHierarchy other;
    ASSERT_PKI_OK(create_ca_hierarchy(setup, kNow - kDay, rng, other));
    Bytes csr, der;
    ASSERT_PKI_OK(create_client_csr(test::shared_ec_key(), test::admin_subject(), rng, csr));
    IssueOptions o;
    o.not_before = kNow;
    ASSERT_PKI_OK(other.issuing.issue_client_certificate(csr, test::admin_subject(), o, rng, der));
    Certificate foreign;
    ASSERT_PKI_OK(foreign.parse(der));
    dir.write("foreign.pem", pem_of(foreign));
    EXPECT_EQ(CertificateStatus::UnknownIssuer, verify_certificate(foreign, store, kNow + kDay).status);
    auto r = openssl_verify(dir, "foreign.pem", kNow + kDay);
    EXPECT_NE(std::string::npos, r.output.find("unable to get local issuer certificate")) << r.output;
    EXPECT_NE(0, r.exit_code);

    // Tampered: one byte of the signed subject changed.
    Bytes tampered = test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow);
    const std::size_t at = to_string(tampered).find("00009876543 1635");
    ASSERT_NE(std::string::npos, at);
    tampered[at] = '9';
    Certificate bad;
    ASSERT_PKI_OK(bad.parse(tampered));
    dir.write("bad.pem", pem_of(bad));
    EXPECT_EQ(CertificateStatus::BadSignature, verify_certificate(bad, store, kNow + kDay).status);
    r = openssl_verify(dir, "bad.pem", kNow + kDay);
    EXPECT_NE(std::string::npos, r.output.find("certificate signature failure")) << r.output;
    EXPECT_NE(0, r.exit_code);
}

TEST(PkiOpenssl, OurCaIssuesForOpensslCsrAndKeys) {
    CP_SKIP_WITHOUT_OPENSSL();
    TempDir dir;
    for (const char* alg : {"-newkey ec -pkeyopt ec_paramgen_curve:P-256", "-newkey rsa:2048"}) {
        const auto r = run_openssl(std::string("req -new ") + alg + " -nodes -keyout " + dir.path("k.pem") +
                                   " -out " + dir.path("r.pem") + " -subj '/CN=openssl'");
        ASSERT_EQ(0, r.exit_code) << r.output;
        Drbg rng;
        test::seed_for_test(rng, "openssl req");
        IssueOptions o;
        o.not_before = kNow;
        Bytes der;
        ASSERT_PKI_OK(test::shared_ca().issuing.issue_client_certificate(dir.read("r.pem"), test::user_subject(), o,
                                                                         rng, der));
        KeyPair key;  // OpenSSL's PKCS#8 private key
        ASSERT_PKI_OK(key.parse_private_key(dir.read("k.pem")));
        Certificate cert;
        ASSERT_PKI_OK(cert.parse(der));
        KeyPair pub;
        ASSERT_PKI_OK(cert.public_key(pub));
        EXPECT_PKI_OK(key.matches_public_key_of(pub, rng));
    }
}

TEST(PkiOpenssl, ReadsOurPlainPkcs8) {
    CP_SKIP_WITHOUT_OPENSSL();
    TempDir dir;
    for (const KeyPair* key : {&test::shared_ec_key(), &test::shared_rsa_key()}) {
        SecretBytes pem;
        ASSERT_PKI_OK(key->write_pkcs8_pem(pem));
        dir.write("k.pem", pem.view());
        const auto r = run_openssl("pkey -in " + dir.path("k.pem") + " -check -noout");
        EXPECT_EQ(0, r.exit_code) << r.output;
        EXPECT_NE(std::string::npos, r.output.find("valid")) << r.output;
    }
}

}  // namespace
}  // namespace cp::pki

namespace cp::pki {
namespace {

TEST(PkiOpenssl, ReadsOurEncryptedPkcs8) {
    CP_SKIP_WITHOUT_OPENSSL();
    test::TempDir dir;
    Drbg rng;
    test::seed_for_test(rng, "openssl epki");
    for (const KeyPair* key : {&test::shared_ec_key(), &test::shared_rsa_key()}) {
        std::string pem;
        ASSERT_PKI_OK(write_encrypted_pkcs8_pem(*key, "pass word", 2048, rng, pem));
        dir.write("enc.pem", pem);
        auto r = test::run_openssl("pkcs8 -in " + dir.path("enc.pem") + " -passin pass:'pass word' -out " +
                                   dir.path("plain.pem"));
        ASSERT_EQ(0, r.exit_code) << r.output;
        KeyPair plain;
        ASSERT_PKI_OK(plain.parse_private_key(dir.read("plain.pem")));
        EXPECT_PKI_OK(plain.matches_public_key_of(*key, rng));
        r = test::run_openssl("pkey -in " + dir.path("enc.pem") + " -passin pass:'pass word' -noout -check");
        EXPECT_EQ(0, r.exit_code) << r.output;
        // The structure OpenSSL sees: PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC.
        r = test::run_openssl("asn1parse -in " + dir.path("enc.pem"));
        EXPECT_NE(std::string::npos, r.output.find("PBES2")) << r.output;
        EXPECT_NE(std::string::npos, r.output.find("PBKDF2")) << r.output;
        EXPECT_NE(std::string::npos, r.output.find("hmacWithSHA256")) << r.output;
        EXPECT_NE(std::string::npos, r.output.find("aes-256-cbc")) << r.output;
        r = test::run_openssl("pkey -in " + dir.path("enc.pem") + " -passin pass:wrong -noout");
        EXPECT_NE(0, r.exit_code) << r.output;
    }
}

TEST(PkiOpenssl, WeReadOpensslEncryptedPkcs8) {
    CP_SKIP_WITHOUT_OPENSSL();
    test::TempDir dir;
    auto r = test::run_openssl("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out " + dir.path("k.pem"));
    ASSERT_EQ(0, r.exit_code) << r.output;
    r = test::run_openssl("pkcs8 -topk8 -in " + dir.path("k.pem") + " -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 2048 " +
                          "-passout pass:secret -out " + dir.path("enc.pem"));
    ASSERT_EQ(0, r.exit_code) << r.output;
    KeyPair key;
    ASSERT_PKI_OK(read_encrypted_pkcs8(dir.read("enc.pem"), "secret", key));
    EXPECT_EQ(KeyType::EcP256, key.type());
    EXPECT_EQ(PkiError::WrongPassword, read_encrypted_pkcs8(dir.read("enc.pem"), "Secret", key));
    // Legacy PBES1 (PBE-SHA1-3DES): refused as unsupported, not misread.
    r = test::run_openssl("pkcs8 -topk8 -in " + dir.path("k.pem") + " -v1 PBE-SHA1-3DES -passout pass:secret -out " +
                          dir.path("legacy.pem"));
    if (r.exit_code == 0) {
        EXPECT_EQ(PkiError::UnsupportedAlgorithm, read_encrypted_pkcs8(dir.read("legacy.pem"), "secret", key));
    }
}

}  // namespace
}  // namespace cp::pki

namespace cp::pki {
namespace {

TEST(PkiOpenssl, RevokedIssuingCaAgreesWithCrlCheckAll) {
    CP_SKIP_WITHOUT_OPENSSL();
    test::TempDir dir;
    Drbg rng;
    test::seed_for_test(rng, "openssl arl");
    // A hierarchy of its own: revoking the shared issuing CA would not hurt, but keep tests independent.
    CaSetup setup;
    setup.key_type = KeyType::EcP256;
    CaHierarchy h;
    ASSERT_PKI_OK(create_ca_hierarchy(setup, test::kNow - test::kDay, rng, h));
    Bytes csr, der;
    ASSERT_PKI_OK(create_client_csr(test::shared_ec_key(), test::admin_subject(), rng, csr));
    IssueOptions o;
    o.not_before = test::kNow;
    ASSERT_PKI_OK(h.issuing.issue_client_certificate(csr, test::admin_subject(), o, rng, der));
    Certificate leaf;
    ASSERT_PKI_OK(leaf.parse(der));

    auto crl_of = [&](const CertificateAuthority& ca, std::vector<RevokedCertificate> revoked, const char* file) {
        CrlContents c;
        c.this_update = test::kNow;
        c.next_update = test::kNow + 30 * test::kDay;
        c.revoked = std::move(revoked);
        Bytes crl_der;
        EXPECT_EQ(PkiError::Ok, write_crl(ca, c, rng, crl_der));
        Crl crl;
        EXPECT_EQ(PkiError::Ok, crl.parse(crl_der));
        std::string pem;
        EXPECT_EQ(PkiError::Ok, crl.pem(pem));
        dir.write(file, pem);
        return crl;
    };
    const Crl leaf_crl = crl_of(h.issuing, {}, "crl.pem");
    const Crl arl = crl_of(h.root, {{h.issuing.certificate().serial(), test::kNow, RevocationReason::CaCompromise}}, "arl.pem");
    std::string pem;
    ASSERT_PKI_OK(h.root.certificate().pem(pem));
    dir.write("root.pem", pem);
    ASSERT_PKI_OK(h.issuing.certificate().pem(pem));
    dir.write("issuing.pem", pem);
    ASSERT_PKI_OK(leaf.pem(pem));
    dir.write("leaf.pem", pem);

    TrustStore s;
    s.roots.push_back(&h.root.certificate());
    s.intermediates.push_back(&h.issuing.certificate());
    s.crls.push_back(&leaf_crl);
    s.crls.push_back(&arl);
    const UnixTime at = test::kNow + test::kDay;
    EXPECT_EQ(CertificateStatus::Revoked, verify_certificate(leaf, s, at).status);
    const auto r = test::run_openssl("verify -no-CApath -no-CAstore -CAfile " + dir.path("root.pem") + " -untrusted " +
                                     dir.path("issuing.pem") + " -crl_check_all -CRLfile " + dir.path("crl.pem") +
                                     " -CRLfile " + dir.path("arl.pem") + " -attime " + std::to_string(at) + " " +
                                     dir.path("leaf.pem"));
    EXPECT_NE(0, r.exit_code) << r.output;
    EXPECT_NE(std::string::npos, r.output.find("certificate revoked")) << r.output;
}

}  // namespace
}  // namespace cp::pki
