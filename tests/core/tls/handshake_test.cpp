// certportal tls tests: the handshake for every outcome, TLS 1.2 and 1.3, RSA-2048 and P-256 clients.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include <mbedtls/x509_crt.h>

#include "pki/random.h"
#include "tls/capture.h"
#include "tls_test_util.h"

namespace cp::tls::test {

namespace {

struct Case {
    Version version;
    pki::KeyType key_type;
};

std::string case_name(const testing::TestParamInfo<Case>& info) {
    return std::string(info.param.version == Version::Tls12 ? "Tls12" : "Tls13") +
           (info.param.key_type == pki::KeyType::Rsa2048 ? "Rsa" : "Ec");
}

class TlsHandshake : public testing::TestWithParam<Case> {
protected:
    void SetUp() override { pki::test::seed_for_test(rng_, "tls handshake"); }
    const pki::KeyPair& key() const {
        return GetParam().key_type == pki::KeyType::Rsa2048 ? pki::test::shared_rsa_key() : pki::test::shared_ec_key();
    }
    // A whole handshake with `cert` (and the matching key) against `config`.
    Outcome run(Handshake& hs, const pki::Certificate& cert) {
        EXPECT_EQ(Handshake::State::AwaitingCertificate, hs.start());
        return hs.provide_certificate(cert, key());
    }
    void expect_server_alert(const Handshake& hs, std::uint8_t description) {
        ASSERT_TRUE(hs.alert().has_value());
        EXPECT_EQ(Direction::ServerToClient, hs.alert()->direction);
        EXPECT_EQ(2, hs.alert()->level);
        EXPECT_EQ(description, hs.alert()->description) << alert_name(hs.alert()->description);
    }
    pki::Drbg rng_;
};

TEST_P(TlsHandshake, ValidCertificateCompletesAndExportsTheSecrets) {
    Handshake hs(server_config(GetParam().version), rng_);
    const pki::Certificate cert = client_certificate(key());
    EXPECT_EQ(Outcome::Ok, run(hs, cert)) << hs.mbedtls_error();
    EXPECT_EQ(Handshake::State::Finished, hs.state());
    EXPECT_FALSE(hs.alert().has_value());
    ASSERT_TRUE(hs.client_certificate_status().has_value());
    EXPECT_EQ(pki::CertificateStatus::Valid, *hs.client_certificate_status());
    // Nothing left on the wire; the record versions say what was negotiated (1.3 records say 0x0303).
    EXPECT_EQ(0u, hs.transport().pending_to_client());
    EXPECT_EQ(0u, hs.transport().pending_to_server());
    const std::string& log = hs.key_log();
    if (GetParam().version == Version::Tls12) {
        EXPECT_EQ(0u, log.find("CLIENT_RANDOM "));
        EXPECT_EQ(std::string::npos, log.find("TRAFFIC_SECRET"));
        EXPECT_EQ(1u, std::count(log.begin(), log.end(), '\n'));
        // "CLIENT_RANDOM" 64 hex (random) 96 hex (48-byte master secret).
        EXPECT_EQ(13u + 1 + 64 + 1 + 96 + 1, log.size());
    } else {
        for (const char* label : {"CLIENT_HANDSHAKE_TRAFFIC_SECRET ", "SERVER_HANDSHAKE_TRAFFIC_SECRET ",
                                  "CLIENT_TRAFFIC_SECRET_0 ", "SERVER_TRAFFIC_SECRET_0 "}) {
            EXPECT_NE(std::string::npos, log.find(label)) << label;
        }
        EXPECT_EQ(4u, std::count(log.begin(), log.end(), '\n'));
        EXPECT_EQ(std::string::npos, log.find("CLIENT_RANDOM"));
    }
    // Every record is logged once, in order, with increasing timestamps.
    ASSERT_GE(hs.records().size(), 4u);
    for (std::size_t i = 1; i < hs.records().size(); ++i) {
        EXPECT_LT(hs.records()[i - 1].time_us, hs.records()[i].time_us);
    }
}

TEST_P(TlsHandshake, HeldUntilTheCertificateIsGiven) {
    Handshake hs(server_config(GetParam().version), rng_);
    ASSERT_EQ(Handshake::State::AwaitingCertificate, hs.start());
    EXPECT_EQ(Outcome::Pending, hs.outcome());
    // The client has sent only its ClientHello; the server's whole flight waits undelivered.
    std::size_t from_client = 0, from_server = 0;
    for (const Record& r : hs.records()) (r.direction == Direction::ClientToServer ? from_client : from_server)++;
    EXPECT_EQ(1u, from_client);
    EXPECT_GE(from_server, 1u);
    EXPECT_TRUE(hs.transport().held());
    EXPECT_EQ(from_server, hs.transport().undelivered_to_client().size());
    EXPECT_GT(hs.transport().pending_to_client(), 0u);
    EXPECT_TRUE(hs.key_log().empty());  // the client has not even read the ServerHello
    // TLS 1.2: the CertificateRequest in the held flight names the bank's issuing CA, and only it.
    const auto authorities = hs.requested_authorities();
    if (GetParam().version == Version::Tls12) {
        ASSERT_EQ(1u, authorities.size());
        const mbedtls_x509_buf& subject = pki::test::shared_ca().issuing.certificate().raw()->subject_raw;
        EXPECT_EQ(pki::Bytes(subject.p, subject.p + subject.len), authorities[0]);
    } else {
        EXPECT_TRUE(authorities.empty());
    }
    // Then the certificate: the flight is delivered and the handshake ends.
    const pki::Certificate cert = client_certificate(key());
    EXPECT_EQ(Outcome::Ok, hs.provide_certificate(cert, key()));
    EXPECT_FALSE(hs.transport().held());
    EXPECT_TRUE(hs.transport().undelivered_to_client().empty());
}

TEST_P(TlsHandshake, ExpiredCertificateEndsInCertificateExpired) {
    Handshake hs(server_config(GetParam().version), rng_);
    const pki::Certificate cert = client_certificate(key(), kNow - 400 * kDay, 365);
    EXPECT_EQ(Outcome::Expired, run(hs, cert));
    expect_server_alert(hs, 45);
    EXPECT_EQ(pki::CertificateStatus::Expired, hs.client_certificate_status());
    // What outlives the handshake (the viewer's and the export's input) says the same.
    const Capture capture = capture_of(hs);
    EXPECT_EQ(GetParam().version, capture.version);
    EXPECT_EQ(Outcome::Expired, capture.outcome);
    ASSERT_TRUE(capture.alert.has_value());
    EXPECT_EQ(45, capture.alert->description);
    EXPECT_EQ(pki::CertificateStatus::Expired, capture.client_certificate_status);
    EXPECT_EQ(kHost, capture.host_name);
    ASSERT_EQ(hs.records().size(), capture.records.size());
    EXPECT_EQ(hs.records().back().bytes, capture.records.back().bytes);
    EXPECT_EQ(hs.key_log(), capture.key_log);
    EXPECT_EQ(hs.requested_authorities(), capture.requested_authorities);
}

TEST_P(TlsHandshake, NotYetValidCertificateEndsInCertificateUnknown) {
    Handshake hs(server_config(GetParam().version), rng_);
    const pki::Certificate cert = client_certificate(key(), kNow + 2 * kDay);
    EXPECT_EQ(Outcome::NotYetValid, run(hs, cert));
    expect_server_alert(hs, 46);
}

TEST_P(TlsHandshake, RevokedCertificateEndsInCertificateRevoked) {
    const pki::Certificate cert = client_certificate(key());
    const pki::Crl crl = crl_revoking(cert, rng_);
    Handshake hs(server_config(GetParam().version, &crl), rng_);
    EXPECT_EQ(Outcome::Revoked, run(hs, cert));
    expect_server_alert(hs, 44);
}

TEST_P(TlsHandshake, ForeignCaEndsInUnknownCa) {
    pki::CaSetup setup;
    setup.key_type = pki::KeyType::EcP256;
    setup.ca_name = "よその認証局";
    pki::CaHierarchy foreign;
    ASSERT_EQ(pki::PkiError::Ok, pki::create_ca_hierarchy(setup, kNow - 30 * kDay, rng_, foreign));
    pki::Bytes csr, der;
    ASSERT_EQ(pki::PkiError::Ok, pki::create_client_csr(key(), pki::test::admin_subject(), rng_, csr));
    pki::IssueOptions options;
    options.not_before = kNow - kDay;
    ASSERT_EQ(pki::PkiError::Ok,
              foreign.issuing.issue_client_certificate(csr, pki::test::admin_subject(), options, rng_, der));
    pki::Certificate cert;
    ASSERT_EQ(pki::PkiError::Ok, cert.parse(der));
    Handshake hs(server_config(GetParam().version), rng_);
    EXPECT_EQ(Outcome::UnknownCa, run(hs, cert));
    expect_server_alert(hs, 48);
}

TEST_P(TlsHandshake, RefusedAtTheKeyPromptAbortsWithTheClientsAlert) {
    Handshake hs(server_config(GetParam().version), rng_);
    ASSERT_EQ(Handshake::State::AwaitingCertificate, hs.start());
    EXPECT_EQ(Outcome::KeyAccessDenied, hs.refuse());
    EXPECT_EQ(Handshake::State::Finished, hs.state());
    ASSERT_TRUE(hs.alert().has_value());
    EXPECT_EQ(Direction::ClientToServer, hs.alert()->direction);
    EXPECT_EQ(80, hs.alert()->description) << alert_name(hs.alert()->description);
    // The client's last record is the alert: in the clear in TLS 1.2, under the client's handshake
    // traffic keys in TLS 1.3 (an encrypted record, outer type application_data).
    ASSERT_FALSE(hs.records().empty());
    EXPECT_EQ(GetParam().version == Version::Tls12 ? ContentType::Alert : ContentType::ApplicationData, hs.records().back().content_type());
    EXPECT_EQ(Direction::ClientToServer, hs.records().back().direction);
    // No Certificate from the client: after its ClientHello, only the alert (TLS 1.3 with its keys logged).
    std::size_t from_client = 0;
    for (const Record& r : hs.records()) from_client += r.direction == Direction::ClientToServer ? 1 : 0;
    EXPECT_EQ(2u, from_client);
    EXPECT_EQ(GetParam().version == Version::Tls13, hs.key_log().find("CLIENT_HANDSHAKE_TRAFFIC_SECRET") == 0);
    EXPECT_FALSE(hs.client_certificate_status().has_value());
    // Nothing more happens after the end.
    const std::size_t records = hs.records().size();
    const pki::Certificate cert = client_certificate(key());
    EXPECT_EQ(Outcome::KeyAccessDenied, hs.provide_certificate(cert, key()));
    EXPECT_EQ(records, hs.records().size());
}

INSTANTIATE_TEST_SUITE_P(, TlsHandshake,
                         testing::Values(Case{Version::Tls12, pki::KeyType::Rsa2048}, Case{Version::Tls12, pki::KeyType::EcP256},
                                         Case{Version::Tls13, pki::KeyType::Rsa2048}, Case{Version::Tls13, pki::KeyType::EcP256}),
                         case_name);

TEST(TlsHandshakeNames, EveryOutcomeHasItsOwnName) {
    std::set<std::string> names;
    for (int i = 0; i < kOutcomeCount; ++i) names.insert(outcome_name(static_cast<Outcome>(i)));
    EXPECT_EQ(static_cast<std::size_t>(kOutcomeCount), names.size());
    EXPECT_STREQ("KeyAccessDenied", outcome_name(Outcome::KeyAccessDenied));
    EXPECT_STREQ("Internal", outcome_name(Outcome::Internal));
    EXPECT_STREQ("certificate_expired", alert_name(45));
}

TEST(TlsHandshakeSetup, MissingServerKeyIsInternal) {
    pki::Drbg rng;
    pki::test::seed_for_test(rng, "tls setup");
    ServerConfig c = server_config(Version::Tls13);
    c.server_key = nullptr;
    Handshake hs(c, rng);
    EXPECT_EQ(Handshake::State::Finished, hs.start());
    EXPECT_EQ(Outcome::Internal, hs.outcome());
    EXPECT_TRUE(hs.records().empty());
}

}  // namespace
}  // namespace cp::tls::test
