// certportal pki: X.509 certificates (parse, serialize, describe) and CSRs (create, parse, check).
//
// Certificate and Csr own an Mbed TLS context each (RAII, move-only). Parsers take PEM or DER,
// refuse more than kMaxInputBytes and exactly one object: a PEM with two certificates is
// MalformedInput. Times are read as written; nothing here looks at a clock.
#pragma once

#include <string>
#include <string_view>

#include "pki/bytes.h"
#include "pki/context.h"
#include "pki/error.h"
#include "pki/key.h"
#include "pki/name.h"
#include "pki/time.h"

namespace cp::pki {

class Drbg;

// One X.509 certificate (movable, not copyable: it owns an Mbed TLS context).
class Certificate {
public:
    PkiError parse(ByteView pem_or_der);
    bool empty() const;

    ByteView der() const;
    PkiError pem(std::string& out) const;

    // Serial as big-endian magnitude bytes (no sign byte) and as lower-case hex.
    Bytes serial() const;
    std::string serial_hex() const;
    UnixTime not_before() const;
    UnixTime not_after() const;
    bool is_ca() const;
    std::string subject() const;  // readable, most specific first ("CN=…, OU=…, C=JP")
    std::string issuer() const;
    // The subject's and the issuer's Name as encoded (DER): what a TLS 1.2 CertificateRequest's
    // certificate_authorities lists and a client compares with its certificates' issuers.
    ByteView subject_der() const;
    ByteView issuer_der() const;
    SubjectIdentity subject_identity() const;
    PkiError public_key(KeyPair& out) const;
    std::string sha256_fingerprint() const;  // "AB:CD:…" (32 bytes)
    // The thumbprint Windows' certificate dialog lists (拇印, SHA-1 over the DER: identification
    // only, not a security decision), "AB:CD:…" (20 bytes) as `openssl x509 -fingerprint -sha1`.
    std::string sha1_fingerprint() const;
    // The keyUsage extension (RFC 5280 4.2.1.3) as its bit names and the first byte in hex, as
    // Windows shows it: "digitalSignature, keyEncipherment (a0)"; "" without the extension.
    std::string key_usage_text() const;

    mbedtls_x509_crt* raw() { return crt_.get(); }
    const mbedtls_x509_crt* raw() const { return crt_.get(); }

private:
    Context<mbedtls_x509_crt> crt_;
};

// What the certificate screens show. The bank's records add status and registration date.
struct CertificateInfo {
    std::string issue_number;      // 電子証明書発行番号, e.g. "001" (caller-supplied)
    std::string serial_hex;        // 電子証明書シリアル番号, lower-case hex
    UnixTime not_before = 0;       // 有効期間
    UnixTime not_after = 0;        // 電子証明書有効期間終了日時
    std::string sha256_fingerprint;
    std::string sha1_fingerprint;  // the certificate manager's 拇印
    std::string key_usage;         // Certificate::key_usage_text()
    std::string subject;           // readable
    std::string issuer;            // readable
    std::string common_name;       // e.g. "00009876543 1635": the name the certificate picker shows
    KeyType key_type = KeyType::Rsa2048;
};

CertificateInfo describe_certificate(const Certificate& cert, std::string_view issue_number);

// --- CSRs (PKCS#10, RFC 2986) ----------------------------------------------------------------

// A CSR for a client certificate, signed with SHA-256 by `key` (which needs its private part).
PkiError create_client_csr(const KeyPair& key, const ClientSubject& subject, Drbg& rng, Bytes& der);
// The same for any attribute list (CA certificates are made directly, not through CSRs).
PkiError create_csr(const KeyPair& key, const std::vector<NameAttribute>& subject, Drbg& rng, Bytes& der);

class Csr {
public:
    // Parses (PEM or DER) and checks the proof of possession: the CSR's signature with its own
    // public key. SignatureInvalid when it does not verify; UnsupportedAlgorithm for key types
    // other than RSA-2048 / P-256 or signatures other than SHA-256.
    PkiError parse_and_verify(ByteView pem_or_der);

    std::string subject() const;
    SubjectIdentity subject_identity() const;
    PkiError public_key(KeyPair& out) const;

    const mbedtls_x509_csr* raw() const { return csr_.get(); }

private:
    Context<mbedtls_x509_csr> csr_;
    bool parsed_ = false;
};

}  // namespace cp::pki

typedef struct mbedtls_pk_context mbedtls_pk_context;
typedef struct mbedtls_x509_time mbedtls_x509_time;

namespace cp::pki::detail {
UnixTime from_x509_time(const mbedtls_x509_time& t);
PkiError verify_signed_data(const mbedtls_pk_context& key, int md, int pk_type, const void* opts,
                            ByteView tbs, ByteView signature);
}  // namespace cp::pki::detail
