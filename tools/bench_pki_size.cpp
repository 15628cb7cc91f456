// certportal: wasm size probe for the PKI core (not a test). Built twice by tools/bench_pki_size.sh:
// with CERTPORTAL_SIZE_PROBE_EMPTY (libc baseline) and without (every pki entry point reachable),
// so that the difference is what certportal_pki + Mbed TLS add to a module; and with
// CERTPORTAL_SIZE_PROBE_WORKER: only what the key-generation worker needs (jobs.h entry points); and
// with CERTPORTAL_SIZE_PROBE_TLS: every pki entry point plus one TLS handshake and its capture
// (wasm/core/tls), so that the difference to the full probe is what the TLS code costs.
#include <cstdio>

#ifndef CERTPORTAL_SIZE_PROBE_EMPTY
#include "pki/ca.h"
#include "pki/crl.h"
#include "pki/jobs.h"
#include "pki/pkcs8.h"
#include "pki/protection.h"
#include "pki/random.h"
#include "pki/verify.h"
using namespace cp::pki;
#endif
#ifdef CERTPORTAL_SIZE_PROBE_TLS
#include "tls/handshake.h"
#include "tls/pcapng.h"
#endif

int main(int argc, char** argv) {
#if defined(CERTPORTAL_SIZE_PROBE_WORKER)
    Drbg rng;
    if (rng.seed_from_entropy("worker") != PkiError::Ok) return 1;
    SecretBytes pkcs8;
    Bytes spki, csr;
    if (generate_key_pkcs8(argc > 1 ? KeyType::EcP256 : KeyType::Rsa2048, rng, pkcs8, spki) != PkiError::Ok) return 1;
    ClientSubject s;
    s.contract_id = argv[0];
    const PkiError e = create_csr_from_pkcs8(pkcs8.view(), s, rng, csr);
    std::printf("%s %zu\n", pki_error_message(e), csr.size());
    return 0;
#elif defined(CERTPORTAL_SIZE_PROBE_EMPTY)
    std::printf("%d %s\n", argc, argv[0]);
    return 0;
#else
    const ByteView input(reinterpret_cast<const std::uint8_t*>(argv[0]), static_cast<std::size_t>(argc));
    Drbg rng;
    if (rng.seed_from_entropy("size") != PkiError::Ok) return 1;
    CaHierarchy ca;
    CaSetup setup;
    setup.key_type = argc > 3 ? KeyType::EcP256 : KeyType::Rsa2048;
    if (create_ca_hierarchy(setup, 0, rng, ca) != PkiError::Ok) return 1;
    SecretBytes pkcs8;
    Bytes spki, csr, cert, crl, epki, sig;
    (void)generate_key_pkcs8(setup.key_type, rng, pkcs8, spki);
    ClientSubject s;
    (void)create_csr_from_pkcs8(pkcs8.view(), s, rng, csr);
    IssueOptions o;
    (void)ca.issuing.issue_client_certificate(csr, s, o, rng, cert);
    CrlContents c;
    (void)write_crl(ca.issuing, c, rng, crl);
    Crl parsed_crl;
    (void)parsed_crl.parse(input);
    Certificate parsed;
    (void)parsed.parse(cert);
    TrustStore store;
    store.crls.push_back(&parsed_crl);
    const CertificateInfo info = describe_certificate(parsed, "001");
    const VerifyResult r = verify_certificate(parsed, store, 0);
    (void)write_encrypted_pkcs8_der(ca.root.key(), "pw", 1000, rng, epki);
    KeyPair k;
    (void)read_encrypted_pkcs8(epki, "pw", k);
    (void)k.sign_sha256(cert, rng, sig);
    TestDeviceKey device;
    ProtectOptions po;
    po.level = static_cast<ProtectionLevel>(argc % 3);
    po.device_key = &device;
    protect_private_key(k, po, rng, [](PkiError, StoredKey) {});
    std::printf("%s %d %d %s\n", info.subject.c_str(), static_cast<int>(r.status), static_cast<int>(sig.size()),
                pki_error_message(PkiError::Ok));
#ifdef CERTPORTAL_SIZE_PROBE_TLS
    KeyPair server_key;
    (void)server_key.generate(KeyType::EcP256, rng);
    Bytes server_der;
    (void)ca.issuing.issue_server_certificate(server_key, "bank.example", o, rng, server_der);
    Certificate server_cert;
    (void)server_cert.parse(server_der);
    cp::tls::ServerConfig config;
    config.version = argc > 4 ? cp::tls::Version::Tls12 : cp::tls::Version::Tls13;
    config.host_name = "bank.example";
    config.server_certificate = &server_cert;
    config.server_key = &server_key;
    config.issuing_ca = &ca.issuing.certificate();
    config.root_ca = &ca.root.certificate();
    config.crl = &parsed_crl;
    cp::tls::Handshake hs(config, rng);
    hs.start();
    const auto outcome = argc > 5 ? hs.refuse() : hs.provide_certificate(parsed, k);
    const Bytes capture = cp::tls::write_pcapng(hs.records(), hs.key_log());
    std::printf("%s %zu %zu\n", cp::tls::outcome_name(outcome), capture.size(), hs.requested_authorities().size());
#endif
    return 0;
#endif
}
