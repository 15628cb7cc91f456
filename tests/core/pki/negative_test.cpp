// certportal pki tests: hostile and broken inputs — truncated, garbage, oversize — for every
// parser. Each must give a clear error code, never a crash (the fuzz targets push further).
#include <gtest/gtest.h>

#include <functional>

#include "pki/certificate.h"
#include "pki/crl.h"
#include "pki/pkcs8.h"
#include "pki_test_util.h"

namespace cp::pki {
namespace {

using test::kNow;
using Parser = std::function<PkiError(ByteView)>;

struct Sample {
    const char* name;
    Bytes der;
    std::string pem;
    Parser parse;
};

std::vector<Sample> samples() {
    std::vector<Sample> out;
    Drbg rng;
    if (rng.seed_deterministic_for_tests(as_bytes("negative")) != PkiError::Ok) return out;
    Certificate cert;
    if (cert.parse(test::issue_for(test::shared_ec_key(), test::admin_subject(), kNow)) != PkiError::Ok) return out;
    std::string cert_pem;
    (void)cert.pem(cert_pem);
    out.push_back({"certificate", Bytes(cert.der().begin(), cert.der().end()), cert_pem,
                   [](ByteView b) { Certificate c; return c.parse(b); }});

    Bytes csr;
    (void)create_client_csr(test::shared_ec_key(), test::user_subject(), rng, csr);
    std::string csr_pem;
    (void)detail::pem_encode(csr, "CERTIFICATE REQUEST", csr_pem);
    out.push_back({"csr", csr, csr_pem, [](ByteView b) { Csr c; return c.parse_and_verify(b); }});

    CrlContents contents;
    contents.this_update = kNow;
    contents.next_update = kNow + 86400;
    contents.revoked.push_back({{1, 2, 3}, kNow, RevocationReason::KeyCompromise});
    Bytes crl;
    (void)write_crl(test::shared_ca().issuing, contents, rng, crl);
    std::string crl_pem;
    (void)detail::pem_encode(crl, "X509 CRL", crl_pem);
    out.push_back({"crl", crl, crl_pem, [](ByteView b) { Crl c; return c.parse(b); }});

    Bytes epki;
    (void)write_encrypted_pkcs8_der(test::shared_ec_key(), "pw", 1000, rng, epki);
    std::string epki_pem;
    (void)detail::pem_encode(epki, "ENCRYPTED PRIVATE KEY", epki_pem);
    out.push_back({"encrypted pkcs8", epki, epki_pem,
                   [](ByteView b) { KeyPair k; return read_encrypted_pkcs8(b, "pw", k, 1000); }});

    SecretBytes key;
    (void)test::shared_ec_key().write_pkcs8_der(key);
    std::string key_pem;
    (void)detail::pem_encode(key.view(), "PRIVATE KEY", key_pem);
    out.push_back({"pkcs8", Bytes(key.view().begin(), key.view().end()), key_pem,
                   [](ByteView b) { KeyPair k; return k.parse_private_key(b); }});
    return out;
}

TEST(PkiNegative, ValidSamplesParse) {
    for (const Sample& s : samples()) {
        EXPECT_PKI_OK(s.parse(s.der)) << s.name;
        EXPECT_PKI_OK(s.parse(as_bytes(s.pem))) << s.name;
    }
}

TEST(PkiNegative, EveryTruncationIsAnError) {
    for (const Sample& s : samples()) {
        for (std::size_t n = 0; n < s.der.size(); ++n) {
            const PkiError e = s.parse(ByteView(s.der).first(n));
            EXPECT_NE(PkiError::Ok, e) << s.name << " truncated to " << n;
        }
        for (std::size_t n = 0; n + 1 < s.pem.size(); n += 7) {
            EXPECT_NE(PkiError::Ok, s.parse(as_bytes(std::string_view(s.pem).substr(0, n)))) << s.name << " pem " << n;
        }
    }
}

TEST(PkiNegative, GarbageAndEmptyInputs) {
    Drbg rng;
    test::seed_for_test(rng, "garbage");
    for (const Sample& s : samples()) {
        EXPECT_EQ(PkiError::MalformedInput, s.parse({})) << s.name;
        EXPECT_EQ(PkiError::MalformedInput, s.parse(as_bytes("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n")))
            << s.name;
        EXPECT_EQ(PkiError::MalformedInput, s.parse(as_bytes("-----BEGIN "))) << s.name;
        for (int i = 0; i < 50; ++i) {
            Bytes junk(static_cast<std::size_t>(1 + i * 13));
            ASSERT_PKI_OK(rng.random(junk));
            if (i % 2 == 0) junk[0] = 0x30;  // look like a SEQUENCE
            EXPECT_NE(PkiError::Ok, s.parse(junk)) << s.name;
        }
    }
}

TEST(PkiNegative, BitFlipsNeverCrash) {
    for (const Sample& s : samples()) {
        int accepted = 0;
        for (std::size_t i = 0; i < s.der.size(); i += 3) {
            Bytes b = s.der;
            b[i] ^= 0x5A;
            if (s.parse(b) == PkiError::Ok) ++accepted;  // some flips land in unchecked bytes
        }
        EXPECT_LT(accepted, static_cast<int>(s.der.size() / 3)) << s.name;
    }
}

TEST(PkiNegative, OversizeInputIsRefusedBeforeParsing) {
    for (const Sample& s : samples()) {
        Bytes big = s.der;
        big.resize(kMaxInputBytes + 1, 0);
        EXPECT_EQ(PkiError::InputTooLarge, s.parse(big)) << s.name;
        std::string pem = s.pem;
        pem.append(kMaxInputBytes, '\n');
        EXPECT_EQ(PkiError::InputTooLarge, s.parse(as_bytes(pem))) << s.name;
    }
}

TEST(PkiNegative, TrailingDataAndTwoObjects) {
    for (const Sample& s : samples()) {
        Bytes trailing = s.der;
        trailing.push_back(0);
        // Mbed TLS tolerates nothing after a DER certificate/CRL/CSR; our readers neither.
        EXPECT_NE(PkiError::Ok, s.parse(trailing)) << s.name;
    }
    const std::vector<Sample> all = samples();
    const std::string two = all[0].pem + all[0].pem;
    Certificate c;
    EXPECT_EQ(PkiError::MalformedInput, c.parse(as_bytes(two)));
}

TEST(PkiNegative, ErrorMessagesAreStable) {
    EXPECT_STREQ("wrong password", pki_error_message(PkiError::WrongPassword));
    EXPECT_STREQ("input too large", pki_error_message(PkiError::InputTooLarge));
    EXPECT_STREQ("MalformedInput", pki_error_name(PkiError::MalformedInput));
    for (int i = 0; i <= static_cast<int>(PkiError::Internal); ++i) {
        EXPECT_STRNE("unknown error", pki_error_message(static_cast<PkiError>(i)));
    }
}

TEST(PkiNegative, CrlExtensionHelpers) {
    detail::CrlExtensions ext;
    RevocationReason reason = RevocationReason::Unspecified;
    const std::uint8_t crl_number[] = {0x30, 0x0A, 0x30, 0x08, 0x06, 0x03, 0x55, 0x1d, 0x14, 0x04, 0x01, 0x05};
    EXPECT_EQ(PkiError::MalformedInput, detail::parse_crl_extensions(crl_number, ext));  // extnValue not an INTEGER
    const std::uint8_t good[] = {0x30, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55, 0x1d, 0x14, 0x04, 0x03, 0x02, 0x01, 0x00};
    EXPECT_PKI_OK(detail::parse_crl_extensions(good, ext));
    EXPECT_TRUE(ext.has_crl_number);
    EXPECT_EQ(0u, ext.crl_number);
    const std::uint8_t bad_reason[] = {0x30, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0A, 0x01, 0x07};
    EXPECT_EQ(PkiError::MalformedInput, detail::parse_crl_entry_extensions(bad_reason, reason));  // 7 is unused
    const std::uint8_t reason1[] = {0x30, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0A, 0x01, 0x01};
    EXPECT_PKI_OK(detail::parse_crl_entry_extensions(reason1, reason));
    EXPECT_EQ(RevocationReason::KeyCompromise, reason);
    EXPECT_EQ(PkiError::MalformedInput, detail::parse_crl_entry_extensions({}, reason));
}

}  // namespace
}  // namespace cp::pki
