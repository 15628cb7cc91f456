// certportal tls tests: the handshake viewer's transcript (tls/transcript.h) of real handshakes —
// every message in order, TLS 1.3's encrypted ones opened only with the key log, the failing check
// marked — and of damaged records (a clear error per message, never a crash).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tls/transcript.h"
#include "tls_test_util.h"

namespace cp::tls::test {
namespace {

// "C ClientHello", "S Alert", … in order.
std::vector<std::string> sequence(const Transcript& t) {
    std::vector<std::string> out;
    for (const Message& m : t.messages) out.push_back((m.direction == Direction::ClientToServer ? "C " : "S ") + m.name);
    return out;
}

const Message* find(const Transcript& t, Direction d, HandshakeType type) {
    for (const Message& m : t.messages)
        if (m.direction == d && m.is(type)) return &m;
    return nullptr;
}

std::string field(const Message& m, const std::string& name) {
    for (const Field& f : m.fields)
        if (f.name == name) return f.value;
    return "(no field " + name + ")";
}

const std::vector<std::string> kTls13Valid = {
    "C ClientHello", "S ServerHello", "S EncryptedExtensions", "S CertificateRequest", "S Certificate",
    "S CertificateVerify", "S Finished", "C Certificate", "C CertificateVerify", "C Finished"};
const std::vector<std::string> kTls12Valid = {
    "C ClientHello", "S ServerHello", "S Certificate", "S ServerKeyExchange", "S CertificateRequest",
    "S ServerHelloDone", "C Certificate", "C ClientKeyExchange", "C CertificateVerify", "C ChangeCipherSpec",
    "C Finished", "S ChangeCipherSpec", "S Finished"};

class TlsTranscript : public testing::TestWithParam<Version> {
protected:
    bool tls13() const { return GetParam() == Version::Tls13; }
};

std::string version_case(const testing::TestParamInfo<Version>& info) {
    return info.param == Version::Tls12 ? "tls12" : "tls13";
}

TEST_P(TlsTranscript, ValidLoginShowsEveryMessageInOrderWithItsFields) {
    const tls::Capture captured = capture_for(GetParam(), LoginEnd::Valid);
    const Transcript t = read_transcript(captured);
    EXPECT_EQ(tls13() ? kTls13Valid : kTls12Valid, sequence(t));
    EXPECT_TRUE(t.decrypted);
    EXPECT_EQ(-1, t.failing_alert);
    EXPECT_EQ(-1, t.checked_certificate);
    for (const Message& m : t.messages) {
        EXPECT_TRUE(m.error.empty()) << m.name << ": " << m.error;
        EXPECT_EQ(Mark::None, m.mark) << m.name;
        ASSERT_GE(m.bytes.size(), 1u);
        EXPECT_GT(m.time_us, 0);
    }
    const Message* hello = find(t, Direction::ClientToServer, HandshakeType::ClientHello);
    ASSERT_NE(nullptr, hello);
    EXPECT_EQ(kHost, field(*hello, "server_name"));
    EXPECT_NE(std::string::npos, field(*hello, "supported_versions").find("TLS 1.3"));
    EXPECT_NE(std::string::npos, field(*hello, "signature_algorithms").find("ecdsa_secp256r1_sha256"));
    const Message* server_hello = find(t, Direction::ServerToClient, HandshakeType::ServerHello);
    ASSERT_NE(nullptr, server_hello);
    EXPECT_EQ(tls13() ? "TLS_AES_128_GCM_SHA256 (0x1301)" : "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (0xc02b)",
              field(*server_hello, "cipher_suite"));
    if (tls13()) {
        EXPECT_EQ("TLS 1.3 (0x0304)", field(*server_hello, "supported_versions"));
        EXPECT_EQ(0u, field(*server_hello, "key_share").find("secp256r1 (0x0017)"));
    }
    // The CertificateRequest: TLS 1.2 names the bank's issuing CA on the wire; TLS 1.3's has none.
    const Message* request = find(t, Direction::ServerToClient, HandshakeType::CertificateRequest);
    ASSERT_NE(nullptr, request);
    if (tls13()) {
        EXPECT_EQ("(not in the message)", field(*request, "certificate_authorities"));
        EXPECT_EQ(Protection::HandshakeKeys, request->protection);
    } else {
        EXPECT_EQ(pki::test::shared_ca().issuing.certificate().subject(), field(*request, "certificate_authorities[0]"));
        EXPECT_EQ(Protection::Plain, request->protection);
    }
    // The client's certificate as the server received it, and the algorithm of its signature.
    const Message* certificate = find(t, Direction::ClientToServer, HandshakeType::Certificate);
    ASSERT_NE(nullptr, certificate);
    const pki::Certificate expected = client_certificate(pki::test::shared_ec_key());
    EXPECT_EQ(expected.subject(), field(*certificate, "certificate[0].subject"));
    EXPECT_EQ(pki::test::shared_ca().issuing.certificate().subject(), field(*certificate, "certificate[0].issuer"));
    EXPECT_EQ(pki::iso_time_string(expected.not_after()), field(*certificate, "certificate[0].not_after"));
    const Message* verify = find(t, Direction::ClientToServer, HandshakeType::CertificateVerify);
    ASSERT_NE(nullptr, verify);
    EXPECT_EQ("ecdsa_secp256r1_sha256 (0x0403)", field(*verify, "algorithm"));
    // Finished: decrypted (TLS 1.3 handshake keys; TLS 1.2 the master secret's key block).
    const Message* finished = find(t, Direction::ClientToServer, HandshakeType::Finished);
    ASSERT_NE(nullptr, finished);
    EXPECT_EQ(tls13() ? Protection::HandshakeKeys : Protection::MasterSecretKeys, finished->protection);
    EXPECT_EQ(tls13() ? 64u : 24u, field(*finished, "verify_data").size());
}

TEST_P(TlsTranscript, WithoutTheKeyLogTheProtectedMessagesStayEncrypted) {
    const tls::Capture captured = capture_for(GetParam(), LoginEnd::Valid);
    const Transcript t = read_transcript(captured, false);
    EXPECT_FALSE(t.decrypted);
    std::size_t encrypted = 0;
    for (const Message& m : t.messages) encrypted += m.kind == MessageKind::Encrypted ? 1 : 0;
    EXPECT_NE(nullptr, find(t, Direction::ClientToServer, HandshakeType::ClientHello));
    EXPECT_NE(nullptr, find(t, Direction::ServerToClient, HandshakeType::ServerHello));
    EXPECT_EQ(nullptr, find(t, Direction::ClientToServer, HandshakeType::Finished));
    if (tls13()) {
        // Only the hellos are in the clear: the rest is one or more encrypted records.
        EXPECT_EQ(nullptr, find(t, Direction::ServerToClient, HandshakeType::CertificateRequest));
        EXPECT_EQ(nullptr, find(t, Direction::ClientToServer, HandshakeType::Certificate));
        EXPECT_EQ(nullptr, find(t, Direction::ClientToServer, HandshakeType::CertificateVerify));
        EXPECT_GE(encrypted, 2u);
    } else {
        EXPECT_NE(nullptr, find(t, Direction::ServerToClient, HandshakeType::CertificateRequest));
        EXPECT_NE(nullptr, find(t, Direction::ClientToServer, HandshakeType::Certificate));
        EXPECT_EQ(2u, encrypted);  // the two Finished
    }
    // The same capture with its key log: found.
    const Transcript with = read_transcript(captured);
    EXPECT_NE(nullptr, find(with, Direction::ServerToClient, HandshakeType::CertificateRequest));
    EXPECT_NE(nullptr, find(with, Direction::ClientToServer, HandshakeType::CertificateVerify));
}

void expect_certificate_refused(const Transcript& t, std::uint8_t description, bool tls13) {
    ASSERT_GE(t.failing_alert, 0);
    const Message& alert = t.messages[static_cast<std::size_t>(t.failing_alert)];
    EXPECT_EQ(MessageKind::Alert, alert.kind);
    EXPECT_EQ(Direction::ServerToClient, alert.direction);
    EXPECT_EQ(description, alert.alert_description);
    EXPECT_EQ(2, alert.alert_level);
    EXPECT_EQ(Mark::FailingAlert, alert.mark);
    EXPECT_EQ(std::string(alert_name(description)) + " (" + std::to_string(description) + ")", field(alert, "description"));
    // TLS 1.3: Mbed TLS's server sends it after the client's Finished under its handshake keys.
    EXPECT_EQ(tls13, alert.late_handshake_key);
    EXPECT_EQ(tls13 ? Protection::HandshakeKeys : Protection::Plain, alert.protection);
    ASSERT_GE(t.checked_certificate, 0);
    const Message& certificate = t.messages[static_cast<std::size_t>(t.checked_certificate)];
    EXPECT_TRUE(certificate.is(HandshakeType::Certificate));
    EXPECT_EQ(Direction::ClientToServer, certificate.direction);
    EXPECT_EQ(Mark::CheckedCertificate, certificate.mark);
    EXPECT_LT(t.checked_certificate, t.failing_alert);
    EXPECT_EQ(t.failing_alert + 1, static_cast<int>(t.messages.size()));  // the alert ends it
}

TEST_P(TlsTranscript, ExpiredCertificateMarksTheCertificateAndTheAlert) {
    const Transcript t = read_transcript(capture_for(GetParam(), LoginEnd::Expired));
    expect_certificate_refused(t, 45, tls13());
    const Message& certificate = t.messages[static_cast<std::size_t>(t.checked_certificate)];
    EXPECT_LT(field(certificate, "certificate[0].not_after"), pki::iso_time_string(kNow));
}

TEST_P(TlsTranscript, RevokedCertificateMarksTheCertificateAndTheAlert) {
    expect_certificate_refused(read_transcript(capture_for(GetParam(), LoginEnd::Revoked)), 44, tls13());
}

TEST_P(TlsTranscript, RefusedAtTheKeyPromptEndsWithTheClientsAlert) {
    const tls::Capture captured = capture_for(GetParam(), LoginEnd::Refused);
    const Transcript t = read_transcript(captured);
    ASSERT_GE(t.failing_alert, 0);
    const Message& alert = t.messages[static_cast<std::size_t>(t.failing_alert)];
    EXPECT_EQ(Direction::ClientToServer, alert.direction);
    EXPECT_EQ(80, alert.alert_description);
    EXPECT_EQ(tls13() ? Protection::HandshakeKeys : Protection::Plain, alert.protection);
    EXPECT_FALSE(alert.late_handshake_key);
    EXPECT_EQ(-1, t.checked_certificate);
    EXPECT_EQ(nullptr, find(t, Direction::ClientToServer, HandshakeType::Certificate));
    // The server's whole flight was read (the browser asked for the key after the CertificateRequest).
    EXPECT_NE(nullptr, find(t, Direction::ServerToClient, HandshakeType::CertificateRequest));
    // Without the key log (TLS 1.3) the encrypted record is still marked as the alert.
    if (tls13()) {
        const Transcript hidden = read_transcript(captured, false);
        ASSERT_GE(hidden.failing_alert, 0);
        EXPECT_EQ(MessageKind::Encrypted, hidden.messages[static_cast<std::size_t>(hidden.failing_alert)].kind);
        EXPECT_EQ(Direction::ClientToServer, hidden.messages[static_cast<std::size_t>(hidden.failing_alert)].direction);
    }
}

INSTANTIATE_TEST_SUITE_P(, TlsTranscript, testing::Values(Version::Tls12, Version::Tls13), version_case);

// Damaged records: every change gives messages with a clear error, the rest is still read.
TEST(TlsTranscriptMalformed, DamagedRecordsGiveAnErrorPerMessageNeverACrash) {
    const tls::Capture good = capture_for(Version::Tls13, LoginEnd::Valid);
    ASSERT_GE(good.records.size(), 3u);
    auto errors = [](const Transcript& t) {
        std::vector<std::string> out;
        for (const Message& m : t.messages)
            if (m.kind == MessageKind::Malformed) out.push_back(m.error);
        return out;
    };
    {  // A record cut short: its header says more than follows.
        tls::Capture c = good;
        c.records[0].bytes.resize(c.records[0].bytes.size() - 7);
        const Transcript t = read_transcript(c);
        ASSERT_EQ(1u, errors(t).size());
        EXPECT_NE(std::string::npos, errors(t)[0].find("the record header says")) << errors(t)[0];
        EXPECT_EQ(nullptr, find(t, Direction::ClientToServer, HandshakeType::ClientHello));
        EXPECT_NE(nullptr, find(t, Direction::ServerToClient, HandshakeType::ServerHello));
    }
    {  // Three bytes: shorter than a header.
        tls::Capture c = good;
        c.records[1].bytes.resize(3);
        const Transcript t = read_transcript(c);
        ASSERT_FALSE(errors(t).empty());
        EXPECT_NE(std::string::npos, errors(t)[0].find("shorter than its 5-byte header"));
    }
    {  // The ClientHello's cipher_suites length runs past the message: an error named for the field.
        tls::Capture c = good;
        // header(5) + handshake header(4) + version(2) + random(32) + session id (1 + n).
        pki::Bytes& b = c.records[0].bytes;
        const std::size_t suites = 5 + 4 + 2 + 32 + 1 + b[5 + 4 + 2 + 32];
        b[suites] = 0x7f;
        const Transcript t = read_transcript(c);
        ASSERT_EQ(1u, errors(t).size());
        EXPECT_EQ(0u, errors(t)[0].find("ClientHello: cipher_suites")) << errors(t)[0];
        EXPECT_NE(nullptr, find(t, Direction::ServerToClient, HandshakeType::ServerHello));
    }
    {  // An encrypted record with a flipped byte: it does not open, the others still do.
        tls::Capture c = good;
        std::size_t i = 0;
        while (i < c.records.size() && !(c.records[i].direction == Direction::ClientToServer &&
                                         c.records[i].content_type() == ContentType::ApplicationData))
            ++i;
        ASSERT_LT(i, c.records.size());
        c.records[i].bytes[10] ^= 0x55;
        const Transcript t = read_transcript(c);
        EXPECT_TRUE(errors(t).empty());
        EXPECT_NE(nullptr, find(t, Direction::ServerToClient, HandshakeType::CertificateRequest));
        bool encrypted = false;
        for (const Message& m : t.messages) encrypted |= m.kind == MessageKind::Encrypted;
        EXPECT_TRUE(encrypted);
    }
    {  // Records missing at the end: the message they began is reported incomplete.
        tls::Capture c = good;
        pki::Bytes& hello = c.records[0].bytes;
        hello.resize(5 + 20);
        hello[3] = 0;
        hello[4] = 20;
        const Transcript t = read_transcript(c);
        ASSERT_FALSE(errors(t).empty());
        EXPECT_NE(std::string::npos, errors(t).back().find("an incomplete handshake message")) << errors(t).back();
    }
    // Every record cut at every length, and every byte of the hellos garbled: no crash, no hang.
    for (std::size_t r = 0; r < good.records.size(); ++r) {
        for (std::size_t len = 0; len < good.records[r].bytes.size(); len += 7) {
            tls::Capture c = good;
            c.records[r].bytes.resize(len);
            (void)read_transcript(c);
        }
    }
    for (std::size_t r = 0; r < 2; ++r) {
        for (std::size_t i = 5; i < good.records[r].bytes.size(); i += 3) {
            tls::Capture c = good;
            c.records[r].bytes[i] ^= 0xff;
            (void)read_transcript(c);
        }
    }
}

}  // namespace
}  // namespace cp::tls::test
