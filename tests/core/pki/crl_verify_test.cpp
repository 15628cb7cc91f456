// certportal pki tests: CRL writing/reading and certificate status (verify → revoke → re-verify).
#include <gtest/gtest.h>

#include "pki/crl.h"
#include "pki/verify.h"
#include "pki_test_util.h"

namespace cp::pki {
namespace {

using test::kDay;
using test::kNow;

TrustStore store_of(const CaHierarchy& h, const Crl* crl = nullptr) {
    TrustStore s;
    s.roots.push_back(&h.root.certificate());
    s.intermediates.push_back(&h.issuing.certificate());
    if (crl != nullptr) s.crls.push_back(crl);
    return s;
}

Bytes make_crl(const CertificateAuthority& ca, std::uint64_t number, std::vector<RevokedCertificate> revoked,
               UnixTime this_update = kNow, UnixTime next_update = kNow + 7 * kDay) {
    Drbg rng;
    if (rng.seed_from_entropy("crl") != PkiError::Ok) return {};
    CrlContents c;
    c.crl_number = number;
    c.this_update = this_update;
    c.next_update = next_update;
    c.revoked = std::move(revoked);
    Bytes der;
    if (write_crl(ca, c, rng, der) != PkiError::Ok) return {};
    return der;
}

TEST(PkiCrl, WriteParseRoundTrip) {
    const CaHierarchy& h = test::shared_ca();
    RevokedCertificate a{{0x01, 0x02, 0x03}, kNow - kDay, RevocationReason::KeyCompromise};
    RevokedCertificate b{{0x80, 0xFF}, kNow - 2 * kDay, RevocationReason::Unspecified};
    RevokedCertificate c{{0x7F}, kNow, RevocationReason::Superseded};
    const Bytes der = make_crl(h.issuing, 42, {a, b, c});
    ASSERT_FALSE(der.empty());
    Crl crl;
    ASSERT_PKI_OK(crl.parse(der));
    EXPECT_TRUE(crl.has_crl_number());
    EXPECT_EQ(42u, crl.crl_number());
    EXPECT_EQ(kNow, crl.this_update());
    EXPECT_EQ(kNow + 7 * kDay, crl.next_update());
    EXPECT_EQ(h.issuing.certificate().subject(), crl.issuer());
    ASSERT_EQ(3u, crl.entries().size());
    EXPECT_EQ(a.serial, crl.entries()[0].serial);
    EXPECT_EQ(RevocationReason::KeyCompromise, crl.entries()[0].reason);
    EXPECT_EQ(kNow - kDay, crl.entries()[0].revocation_date);
    EXPECT_EQ(b.serial, crl.entries()[1].serial);
    EXPECT_EQ(RevocationReason::Unspecified, crl.entries()[1].reason);
    EXPECT_EQ(RevocationReason::Superseded, crl.entries()[2].reason);
    EXPECT_PKI_OK(crl.verify_signature(h.issuing.certificate()));
    EXPECT_EQ(PkiError::SignatureInvalid, crl.verify_signature(h.root.certificate()));
    // PEM round trip.
    std::string pem;
    ASSERT_PKI_OK(crl.pem(pem));
    Crl again;
    ASSERT_PKI_OK(again.parse(as_bytes(pem)));
    EXPECT_EQ(42u, again.crl_number());
}

TEST(PkiCrl, EmptyCrlAndLargeNumber) {
    const Bytes der = make_crl(test::shared_ca().issuing, 0x0123456789ABCDEFull, {});
    Crl crl;
    ASSERT_PKI_OK(crl.parse(der));
    EXPECT_EQ(0x0123456789ABCDEFull, crl.crl_number());
    EXPECT_TRUE(crl.entries().empty());
}

TEST(PkiCrl, InvalidContentsAreRejected) {
    Drbg rng;
    test::seed_for_test(rng, "bad crl");
    CrlContents c;
    c.this_update = kNow;
    c.next_update = kNow;  // not after this_update
    Bytes der;
    EXPECT_EQ(PkiError::InvalidArgument, write_crl(test::shared_ca().issuing, c, rng, der));
    c.next_update = kNow + kDay;
    c.revoked.push_back({{}, kNow, RevocationReason::Unspecified});  // empty serial
    EXPECT_EQ(PkiError::InvalidArgument, write_crl(test::shared_ca().issuing, c, rng, der));
    c.revoked[0].serial = {1};
    c.revoked[0].reason = static_cast<RevocationReason>(7);
    EXPECT_EQ(PkiError::InvalidArgument, write_crl(test::shared_ca().issuing, c, rng, der));
    EXPECT_EQ(PkiError::InvalidArgument, write_crl(CertificateAuthority(), c, rng, der));
}

TEST(PkiVerify, IssueVerifyRevokeReverify) {
    const CaHierarchy& h = test::shared_ca();
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow)));
    const Crl* no_crl = nullptr;
    VerifyResult r = verify_certificate(cert, store_of(h, no_crl), kNow + kDay);
    EXPECT_EQ(CertificateStatus::Valid, r.status);
    EXPECT_EQ(CrlUse::NotProvided, r.crl);
    EXPECT_EQ(3, r.chain_length);

    Crl empty;
    ASSERT_PKI_OK(empty.parse(make_crl(h.issuing, 1, {})));
    r = verify_certificate(cert, store_of(h, &empty), kNow + kDay);
    EXPECT_EQ(CertificateStatus::Valid, r.status);
    EXPECT_EQ(CrlUse::Checked, r.crl);

    Crl revoked;
    ASSERT_PKI_OK(revoked.parse(make_crl(h.issuing, 2, {{cert.serial(), kNow + kDay, RevocationReason::Superseded}},
                                         kNow + kDay)));
    r = verify_certificate(cert, store_of(h, &revoked), kNow + 2 * kDay);
    EXPECT_EQ(CertificateStatus::Revoked, r.status);
    EXPECT_EQ(RevocationReason::Superseded, r.revocation_reason);
    EXPECT_EQ(kNow + kDay, r.revocation_date);
    EXPECT_STREQ("失効", certificate_status_label_ja(r.status));

    // With both CRLs in the store, the newer (higher number) one decides.
    TrustStore both = store_of(h, &empty);
    both.crls.push_back(&revoked);
    EXPECT_EQ(CertificateStatus::Revoked, verify_certificate(cert, both, kNow + 2 * kDay).status);
    // Past nextUpdate the CRL still counts, flagged stale.
    r = verify_certificate(cert, store_of(h, &revoked), kNow + 30 * kDay);
    EXPECT_EQ(CertificateStatus::Revoked, r.status);
    EXPECT_EQ(CrlUse::Stale, r.crl);
}

TEST(PkiVerify, ExpiredAndNotYetValid) {
    const CaHierarchy& h = test::shared_ca();
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(test::issue_for(test::shared_ec_key(), test::user_subject(), kNow, 10)));
    EXPECT_EQ(CertificateStatus::NotYetValid, verify_certificate(cert, store_of(h), kNow - 1).status);
    EXPECT_EQ(CertificateStatus::Valid, verify_certificate(cert, store_of(h), kNow).status);
    EXPECT_EQ(CertificateStatus::Valid, verify_certificate(cert, store_of(h), kNow + 10 * kDay).status);
    EXPECT_EQ(CertificateStatus::Expired, verify_certificate(cert, store_of(h), kNow + 10 * kDay + 1).status);
    EXPECT_STREQ("期限切れ", certificate_status_label_ja(CertificateStatus::Expired));
    EXPECT_STREQ("まだ有効でない", certificate_status_label_ja(CertificateStatus::NotYetValid));
}

// The status texts are a table in the enum's order (verify.cpp): every value reads its own row,
// so a value added or moved without its row fails here.
TEST(PkiVerify, EveryStatusHasItsOwnNameAndLabel) {
    const struct { CertificateStatus status; const char* name; const char* label; } rows[] = {
        {CertificateStatus::Valid, "Valid", "有効"},
        {CertificateStatus::Revoked, "Revoked", "失効"},
        {CertificateStatus::Expired, "Expired", "期限切れ"},
        {CertificateStatus::NotYetValid, "NotYetValid", "まだ有効でない"},
        {CertificateStatus::UnknownIssuer, "UnknownIssuer", "発行元不明"},
        {CertificateStatus::BadSignature, "BadSignature", "署名不正"},
    };
    for (const auto& r : rows) {
        EXPECT_STREQ(r.name, certificate_status_name(r.status));
        EXPECT_STREQ(r.label, certificate_status_label_ja(r.status));
    }
}

TEST(PkiVerify, UnknownIssuer) {
    const CaHierarchy& h = test::shared_ca();
    Drbg rng;
    test::seed_for_test(rng, "other ca");
    CaSetup other_setup;
    other_setup.ca_name = "別の認証局";
    other_setup.key_type = KeyType::EcP256;
    CaHierarchy other;
    ASSERT_PKI_OK(create_ca_hierarchy(other_setup, kNow - kDay, rng, other));
    Bytes csr, der;
    ASSERT_PKI_OK(create_client_csr(test::shared_ec_key(), test::admin_subject(), rng, csr));
    IssueOptions o;
    o.not_before = kNow;
    ASSERT_PKI_OK(other.issuing.issue_client_certificate(csr, test::admin_subject(), o, rng, der));
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(der));
    EXPECT_EQ(CertificateStatus::UnknownIssuer, verify_certificate(cert, store_of(h), kNow).status);
    // Without the root, our own certificate does not chain either.
    Certificate ours;
    ASSERT_PKI_OK(ours.parse(test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow)));
    TrustStore no_root;
    no_root.intermediates.push_back(&h.issuing.certificate());
    EXPECT_EQ(CertificateStatus::UnknownIssuer, verify_certificate(ours, no_root, kNow).status);
    EXPECT_EQ(CertificateStatus::UnknownIssuer, verify_certificate(Certificate(), store_of(h), kNow).status);
}

TEST(PkiVerify, TamperedSignatureIsBadSignature) {
    Bytes der = test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow);
    // Change one byte of the CN in the signed part: still parses, signature no longer matches.
    std::string text = to_string(der);
    const std::size_t at = text.find("00009876543 1635");
    ASSERT_NE(std::string::npos, at);
    der[at] = '9';
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(der));
    const VerifyResult r = verify_certificate(cert, store_of(test::shared_ca()), kNow);
    EXPECT_EQ(CertificateStatus::BadSignature, r.status);
    EXPECT_STREQ("署名不正", certificate_status_label_ja(r.status));
}

TEST(PkiVerify, CrlFromWrongIssuerIsIgnoredAndReported) {
    const CaHierarchy& h = test::shared_ca();
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow)));
    Bytes der = make_crl(h.issuing, 3, {{cert.serial(), kNow, RevocationReason::KeyCompromise}});
    der[der.size() - 5] ^= 0x01;  // break the signature
    Crl crl;
    ASSERT_PKI_OK(crl.parse(der));
    const VerifyResult r = verify_certificate(cert, store_of(h, &crl), kNow + 1);
    EXPECT_EQ(CertificateStatus::Valid, r.status);
    EXPECT_EQ(CrlUse::Rejected, r.crl);
}

TEST(PkiVerify, ExpiredIssuingCaExpiresTheChain) {
    const CaHierarchy& h = test::shared_ca();
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow)));
    const UnixTime after_ca = h.issuing.certificate().not_after() + 1;
    EXPECT_EQ(CertificateStatus::Expired, verify_certificate(cert, store_of(h), after_ca).status);
}

}  // namespace
}  // namespace cp::pki

namespace cp::pki {
namespace {

TEST(PkiVerify, RevokedIssuingCaRevokesItsCertificates) {
    const CaHierarchy& h = test::shared_ca();
    Certificate cert;
    ASSERT_PKI_OK(cert.parse(test::issue_for(test::shared_ec_key(), test::admin_subject(), test::kNow)));
    Drbg rng;
    test::seed_for_test(rng, "arl");
    CrlContents c;
    c.this_update = test::kNow;
    c.next_update = test::kNow + 30 * test::kDay;
    c.revoked.push_back({h.issuing.certificate().serial(), test::kNow, RevocationReason::CaCompromise});
    Bytes der;
    ASSERT_PKI_OK(write_crl(h.root, c, rng, der));  // the root's CRL (an ARL)
    Crl arl;
    ASSERT_PKI_OK(arl.parse(der));
    TrustStore s;
    s.roots.push_back(&h.root.certificate());
    s.intermediates.push_back(&h.issuing.certificate());
    s.crls.push_back(&arl);
    const VerifyResult r = verify_certificate(cert, s, test::kNow + test::kDay);
    EXPECT_EQ(CertificateStatus::Revoked, r.status);
    EXPECT_EQ(RevocationReason::CaCompromise, r.revocation_reason);
    EXPECT_EQ(CrlUse::NotProvided, r.crl);  // none for the leaf's issuer
}

}  // namespace
}  // namespace cp::pki
