// libFuzzer target: PKCS#10 parser and proof-of-possession check.
#include <cstddef>
#include <cstdint>

#include "pki/certificate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cp::pki::Csr csr;
    if (csr.parse_and_verify(cp::pki::ByteView(data, size)) != cp::pki::PkiError::Ok) return 0;
    (void)csr.subject();
    (void)csr.subject_identity();
    cp::pki::KeyPair key;
    (void)csr.public_key(key);
    return 0;
}
