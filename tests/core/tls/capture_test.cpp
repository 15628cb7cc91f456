// certportal tls tests: the capture (pcapng) and key log of a handshake; tshark reads them.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "pki/random.h"
#include "tls/pcapng.h"
#include "tls_test_util.h"

namespace cp::tls::test {
namespace {

std::uint32_t le32(const pki::Bytes& b, std::size_t at) {
    return std::uint32_t{b[at]} | (std::uint32_t{b[at + 1]} << 8) | (std::uint32_t{b[at + 2]} << 16) |
           (std::uint32_t{b[at + 3]} << 24);
}

struct Capture {
    std::string key_log;
    pki::Bytes pcapng;
    std::size_t records = 0;
};

enum class Ending { Ok, Refused, Expired };

Capture capture(Version version, Ending ending = Ending::Ok) {
    pki::Drbg rng;
    pki::test::seed_for_test(rng, "tls capture");
    Handshake hs(server_config(version), rng);
    EXPECT_EQ(Handshake::State::AwaitingCertificate, hs.start());
    const pki::Certificate cert = ending == Ending::Expired
                                      ? client_certificate(pki::test::shared_rsa_key(), kNow - 400 * kDay, 365)
                                      : client_certificate(pki::test::shared_rsa_key());
    if (ending == Ending::Refused) {
        EXPECT_EQ(Outcome::KeyAccessDenied, hs.refuse());
    } else {
        EXPECT_EQ(ending == Ending::Ok ? Outcome::Ok : Outcome::Expired,
                  hs.provide_certificate(cert, pki::test::shared_rsa_key()));
    }
    return {hs.key_log(), write_pcapng(hs.records(), hs.key_log()), hs.records().size()};
}

TEST(TlsCapture, PcapngBlocksAndTcpSequenceNumbers) {
    const Capture c = capture(Version::Tls13);
    const pki::Bytes& p = c.pcapng;
    ASSERT_GE(p.size(), 28u);
    // Blocks: SHB, IDB, DSB (the key log, verbatim), then packets: 3 for TCP's handshake, one per
    // record, 3 for the close.
    std::vector<std::uint32_t> types;
    std::size_t at = 0;
    std::uint32_t expected_seq[2] = {0x10000001, 0x20000001};
    while (at < p.size()) {
        ASSERT_LE(at + 12, p.size());
        const std::uint32_t type = le32(p, at), length = le32(p, at + 4);
        ASSERT_EQ(0u, length % 4);
        ASSERT_LE(at + length, p.size());
        ASSERT_EQ(length, le32(p, at + length - 4)) << "trailing length of block " << types.size();
        types.push_back(type);
        if (type == 0x0A) {
            EXPECT_EQ(0x544c534bu, le32(p, at + 8));
            const std::uint32_t n = le32(p, at + 12);
            EXPECT_EQ(c.key_log, std::string(p.begin() + static_cast<long>(at) + 16, p.begin() + static_cast<long>(at + 16 + n)));
        }
        if (type == 6) {
            const std::size_t frame = at + 28;
            const std::uint32_t captured = le32(p, at + 20);
            const std::size_t payload = captured - 54;
            const bool from_client = p[frame + 14 + 12 + 3] == 10;  // IPv4 source 192.0.2.10
            const std::size_t tcp = frame + 34;
            const std::uint32_t seq = (std::uint32_t{p[tcp + 4]} << 24) | (std::uint32_t{p[tcp + 5]} << 16) |
                                      (std::uint32_t{p[tcp + 6]} << 8) | p[tcp + 7];
            if (payload > 0) {
                // Data segments follow one another without gaps in each direction.
                EXPECT_EQ(expected_seq[from_client ? 0 : 1], seq);
                expected_seq[from_client ? 0 : 1] += static_cast<std::uint32_t>(payload);
            }
        }
        at += length;
    }
    ASSERT_GE(types.size(), 3u);
    EXPECT_EQ(0x0A0D0D0Au, types[0]);
    EXPECT_EQ(1u, types[1]);
    EXPECT_EQ(0x0Au, types[2]);
    EXPECT_EQ(3 + 3 + c.records + 3, types.size());
}

#ifdef CERTPORTAL_TSHARK
// Runs tshark on `file`: one line per frame with the source address and its TLS handshake types.
std::string tshark(const std::string& file, const std::string& key_file) {
    std::string command = std::string(CERTPORTAL_TSHARK) + " -r '" + file + "'";
    if (!key_file.empty()) command += " -o 'tls.keylog_file:" + key_file + "'";
    command += " -T fields -e ip.src -e tls.handshake.type -e tls.alert_message.desc 2>/dev/null";
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buf[512];
        while (fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
        EXPECT_EQ(0, pclose(pipe)) << command;
    }
    return out;
}

// Whether some frame from `source` carries handshake message `type` (tshark lists several "a,b").
bool has_message(const std::string& fields, const char* source, int type) {
    std::istringstream lines(fields);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream cols(line);
        std::string src, types;
        std::getline(cols, src, '\t');
        std::getline(cols, types, '\t');
        if (src != source) continue;
        std::istringstream list(types);
        std::string t;
        while (std::getline(list, t, ',')) {
            if (!t.empty() && std::stoi(t) == type) return true;
        }
    }
    return false;
}

void write_file(const std::string& path, const void* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    ASSERT_TRUE(out.good()) << path;
}

// Leaves `c` in tests/artifacts/<name>.pcapng with its key log in <name>.keys; returns the path
// without the extension.
std::string save_artifacts(const std::string& name, const Capture& c) {
    const std::string base = std::string(CERTPORTAL_SOURCE_DIR) + "/tests/artifacts/" + name;
    write_file(base + ".pcapng", c.pcapng.data(), c.pcapng.size());
    write_file(base + ".keys", c.key_log.data(), c.key_log.size());
    return base;
}

std::string version_suffix(Version v) { return v == Version::Tls12 ? "tls12" : "tls13"; }

class TlsCaptureTshark : public testing::TestWithParam<Version> {};

TEST_P(TlsCaptureTshark, DissectsTheClientCertificateAndTheCertificateRequest) {
    const Capture c = capture(GetParam());
    const std::string base = save_artifacts("tls_handshake_" + version_suffix(GetParam()), c);
    const char* client = "192.0.2.10";
    const char* server = "192.0.2.1";
    // With the key log file, and with only the Decryption Secrets Block inside the capture.
    for (const std::string& keys : {base + ".keys", std::string()}) {
        SCOPED_TRACE(keys.empty() ? "secrets block only" : "tls.keylog_file");
        const std::string fields = tshark(base + ".pcapng", keys);
        EXPECT_TRUE(has_message(fields, client, 1)) << fields;   // ClientHello
        EXPECT_TRUE(has_message(fields, server, 2)) << fields;   // ServerHello
        EXPECT_TRUE(has_message(fields, server, 13)) << fields;  // CertificateRequest
        EXPECT_TRUE(has_message(fields, client, 11)) << fields;  // the client's Certificate
        EXPECT_TRUE(has_message(fields, client, 15)) << fields;  // CertificateVerify
        EXPECT_TRUE(has_message(fields, client, 20)) << fields;  // Finished (encrypted in both versions)
    }
    // Without any secret TLS 1.3's handshake after ServerHello is opaque: the decryption above is real.
    if (GetParam() == Version::Tls13) {
        pki::Drbg rng;
        pki::test::seed_for_test(rng, "tls capture bare");
        const std::string path = base + "_no_keys.pcapng";
        // The same records without the secrets block.
        Handshake hs(server_config(GetParam()), rng);
        ASSERT_EQ(Handshake::State::AwaitingCertificate, hs.start());
        const pki::Certificate cert = client_certificate(pki::test::shared_rsa_key());
        ASSERT_EQ(Outcome::Ok, hs.provide_certificate(cert, pki::test::shared_rsa_key()));
        const pki::Bytes no_keys = write_pcapng(hs.records(), "");
        write_file(path, no_keys.data(), no_keys.size());
        const std::string fields = tshark(path, "");
        EXPECT_TRUE(has_message(fields, server, 2)) << fields;
        EXPECT_FALSE(has_message(fields, server, 13)) << fields;
        EXPECT_FALSE(has_message(fields, client, 11)) << fields;
        std::remove(path.c_str());
    }
}

TEST_P(TlsCaptureTshark, ShowsTheRefusalsAlert) {
    const Capture c = capture(GetParam(), Ending::Refused);
    const std::string base = save_artifacts("tls_refused_" + version_suffix(GetParam()), c);
    const std::string fields = tshark(base + ".pcapng", "");
    EXPECT_NE(std::string::npos, fields.find("192.0.2.10\t\t80")) << fields;  // internal_error from the client
}

// The server's certificate_expired (45), as tshark reads it. TLS 1.2 only: in TLS 1.3 Mbed TLS's server
// sends it under its handshake traffic keys after the client's Finished, and tshark 4.0, like Mbed
// TLS's client, reads that record with the application keys and cannot decrypt it
// (docs/architecture.md, "The certificate login's TLS handshake").
TEST(TlsCaptureTsharkTls12, ShowsTheServersAlertForAnExpiredCertificate) {
    const Capture c = capture(Version::Tls12, Ending::Expired);
    const std::string base = save_artifacts("tls_expired_tls12", c);
    const std::string fields = tshark(base + ".pcapng", "");
    EXPECT_NE(std::string::npos, fields.find("192.0.2.1\t\t45")) << fields;
}

std::string tshark_case_name(const testing::TestParamInfo<Version>& param) { return version_suffix(param.param); }
INSTANTIATE_TEST_SUITE_P(, TlsCaptureTshark, testing::Values(Version::Tls12, Version::Tls13), tshark_case_name);
#else
TEST(TlsCaptureTshark, Skipped) {
    GTEST_SKIP() << "tshark runs natively only (no processes under wasm; tools/setup.sh installs it)";
}
#endif

}  // namespace
}  // namespace cp::tls::test
