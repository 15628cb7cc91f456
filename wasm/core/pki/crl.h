// certportal pki: certificate revocation lists (RFC 5280 section 5) — writer and reader.
//
// Mbed TLS 3.6 parses CRLs but cannot write them: write_crl() builds a v2 CertificateList with
// DerWriter (Mbed TLS asn1write) and signs it with the CA key. Extensions, all non-critical
// (Mbed TLS rejects CRLs with critical extensions):
//   crlNumber (2.5.29.20), authorityKeyIdentifier (2.5.29.35, from the CA's SKI),
//   per entry reasonCode (2.5.29.21; omitted for "unspecified" as RFC 5280 5.3.1 recommends).
//
// The CRL's DER is also its storage form: the bank keeps the latest CRL and rebuilds the next one
// from Crl::entries().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pki/bytes.h"
#include "pki/context.h"
#include "pki/error.h"
#include "pki/time.h"

namespace cp::pki {

class CertificateAuthority;
class Certificate;
class Drbg;

// CRLReason (RFC 5280 5.3.1). 7 is unused by the RFC.
enum class RevocationReason : std::uint8_t {
    Unspecified = 0,
    KeyCompromise = 1,
    CaCompromise = 2,
    AffiliationChanged = 3,
    Superseded = 4,          // e.g. the certificate was re-issued (再発行)
    CessationOfOperation = 5,  // e.g. the user was removed (利用者の登録抹消)
    CertificateHold = 6,
    RemoveFromCrl = 8,
    PrivilegeWithdrawn = 9,
    AaCompromise = 10,
};

bool is_valid_revocation_reason(int value);

struct RevokedCertificate {
    Bytes serial;  // big-endian magnitude, as Certificate::serial()
    UnixTime revocation_date = 0;
    RevocationReason reason = RevocationReason::Unspecified;
};

struct CrlContents {
    std::uint64_t crl_number = 1;  // monotonically increasing per issuer
    UnixTime this_update = 0;      // the simulated "now"
    UnixTime next_update = 0;      // when the next CRL is due (must be after this_update)
    std::vector<RevokedCertificate> revoked;
};

PkiError write_crl(const CertificateAuthority& issuer, const CrlContents& contents, Drbg& rng, Bytes& der);

class Crl {
public:
    // PEM ("X509 CRL") or DER; exactly one CRL; the extensions we know are read (crlNumber,
    // reasonCode), malformed ones make the whole CRL MalformedInput.
    PkiError parse(ByteView pem_or_der);
    bool empty() const;

    ByteView der() const;
    PkiError pem(std::string& out) const;
    std::string issuer() const;  // readable
    UnixTime this_update() const;
    UnixTime next_update() const;  // 0 when absent
    bool has_crl_number() const { return has_number_; }
    std::uint64_t crl_number() const { return number_; }
    const std::vector<RevokedCertificate>& entries() const { return entries_; }
    // The entry for this serial (magnitude bytes), or null.
    const RevokedCertificate* find(ByteView serial) const;
    // Ok when signed by `issuer`'s key and issued under its name; SignatureInvalid otherwise.
    PkiError verify_signature(const Certificate& issuer) const;

    const mbedtls_x509_crl* raw() const { return crl_.get(); }

private:
    Context<mbedtls_x509_crl> crl_;
    bool has_number_ = false;
    std::uint64_t number_ = 0;
    std::vector<RevokedCertificate> entries_;
};

namespace detail {
// Parsers of the extension blocks (exposed for the fuzz targets). `extensions` is one DER
// `Extensions` SEQUENCE; trailing bytes after it are MalformedInput.
struct CrlExtensions {
    bool has_crl_number = false;
    std::uint64_t crl_number = 0;
    bool has_critical_unknown = false;
};
PkiError parse_crl_extensions(ByteView extensions, CrlExtensions& out);
PkiError parse_crl_entry_extensions(ByteView extensions, RevocationReason& reason);
}  // namespace detail

}  // namespace cp::pki
