// certportal tls tests: the shared bank and clients (tls_test_util.h).
#include "tls_test_util.h"

#include <cstdlib>

#include "pki/random.h"

namespace cp::tls::test {

const Bank& bank() {
    static const Bank* b = [] {
        auto* out = new Bank;
        pki::Drbg rng;
        if (rng.seed_deterministic_for_tests(pki::as_bytes("tls bank")) != pki::PkiError::Ok) std::abort();
        if (out->server_key.generate(pki::KeyType::EcP256, rng) != pki::PkiError::Ok) std::abort();
        pki::IssueOptions options;
        options.not_before = kNow - 30 * kDay;
        pki::Bytes der;
        if (pki::test::shared_ca().issuing.issue_server_certificate(out->server_key, kHost, options, rng, der) !=
            pki::PkiError::Ok)
            std::abort();
        if (out->server_certificate.parse(der) != pki::PkiError::Ok) std::abort();
        return out;
    }();
    return *b;
}

ServerConfig server_config(Version version, const pki::Crl* crl) {
    ServerConfig c;
    c.version = version;
    c.host_name = kHost;
    c.server_certificate = &bank().server_certificate;
    c.server_key = &bank().server_key;
    c.issuing_ca = &pki::test::shared_ca().issuing.certificate();
    c.root_ca = &pki::test::shared_ca().root.certificate();
    c.crl = crl;
    c.now = kNow;
    return c;
}

pki::Certificate client_certificate(const pki::KeyPair& key, pki::UnixTime not_before, int days) {
    pki::Certificate cert;
    EXPECT_EQ(pki::PkiError::Ok, cert.parse(pki::test::issue_for(key, pki::test::admin_subject(), not_before, days)));
    return cert;
}

pki::Crl crl_revoking(const pki::Certificate& cert, pki::Drbg& rng) {
    pki::CrlContents contents;
    contents.crl_number = 2;
    contents.this_update = kNow - kDay;
    contents.next_update = kNow + 7 * kDay;
    contents.revoked.push_back({cert.serial(), kNow - kDay, pki::RevocationReason::Superseded});
    pki::Bytes der;
    EXPECT_EQ(pki::PkiError::Ok, pki::write_crl(pki::test::shared_ca().issuing, contents, rng, der));
    pki::Crl crl;
    EXPECT_EQ(pki::PkiError::Ok, crl.parse(der));
    return crl;
}

tls::Capture capture_for(Version version, LoginEnd ending) {
    pki::Drbg rng;
    pki::test::seed_for_test(rng, "tls capture");
    const pki::KeyPair& key = pki::test::shared_ec_key();
    const pki::Certificate cert = ending == LoginEnd::Expired ? client_certificate(key, kNow - 400 * kDay, 365)
                                                              : client_certificate(key);
    pki::Crl crl;
    if (ending == LoginEnd::Revoked) crl = crl_revoking(cert, rng);
    Handshake hs(server_config(version, ending == LoginEnd::Revoked ? &crl : nullptr), rng);
    EXPECT_EQ(Handshake::State::AwaitingCertificate, hs.start());
    if (ending == LoginEnd::Refused) hs.refuse();
    else hs.provide_certificate(cert, key);
    return capture_of(hs);
}

}  // namespace cp::tls::test
