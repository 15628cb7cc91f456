// libFuzzer target: private/public key parsers and the encrypted PKCS#8 reader.
// The PBKDF2 cap is tiny here so that hostile iteration counts cannot slow the fuzzer down.
#include <cstddef>
#include <cstdint>

#include "pki/key.h"
#include "pki/pkcs8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const cp::pki::ByteView input(data, size);
    cp::pki::KeyPair key;
    (void)cp::pki::read_encrypted_pkcs8(input, "fuzz", key, 64);
    cp::pki::KeyPair plain;
    if (plain.parse_private_key(input) == cp::pki::PkiError::Ok) {
        cp::pki::SecretBytes der;
        (void)plain.write_pkcs8_der(der);
    }
    cp::pki::KeyPair pub;
    (void)pub.parse_public_key(input);
    return 0;
}
