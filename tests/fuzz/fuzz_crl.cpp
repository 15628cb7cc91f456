// libFuzzer target: CRL parser and our CRL extension readers (crlNumber, reasonCode).
#include <cstddef>
#include <cstdint>

#include "pki/crl.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const cp::pki::ByteView input(data, size);
    cp::pki::Crl crl;
    if (crl.parse(input) == cp::pki::PkiError::Ok) {
        (void)crl.issuer();
        (void)crl.this_update();
        (void)crl.next_update();
        for (const auto& e : crl.entries()) (void)crl.find(e.serial);
        std::string pem;
        (void)crl.pem(pem);
    }
    // The extension helpers directly on the raw input.
    cp::pki::detail::CrlExtensions ext;
    (void)cp::pki::detail::parse_crl_extensions(input, ext);
    cp::pki::RevocationReason reason = cp::pki::RevocationReason::Unspecified;
    (void)cp::pki::detail::parse_crl_entry_extensions(input, reason);
    return 0;
}
