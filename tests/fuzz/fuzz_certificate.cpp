// libFuzzer target: X.509 certificate parser (PEM or DER) and everything that reads a parsed one.
#include <cstddef>
#include <cstdint>

#include "pki/certificate.h"
#include "pki/verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cp::pki::Certificate cert;
    if (cert.parse(cp::pki::ByteView(data, size)) != cp::pki::PkiError::Ok) return 0;
    const cp::pki::CertificateInfo info = cp::pki::describe_certificate(cert, "001");
    (void)info;
    std::string pem;
    (void)cert.pem(pem);
    cp::pki::KeyPair key;
    (void)cert.public_key(key);
    // Self-verification: the certificate as its own root (exercises the chain code on hostile input).
    cp::pki::TrustStore store;
    store.roots.push_back(&cert);
    (void)cp::pki::verify_certificate(cert, store, 1711929600);
    return 0;
}
