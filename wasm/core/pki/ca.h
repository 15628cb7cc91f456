// certportal pki: the simulated bank's certificate authority (root + issuing CA).
//
// A CertificateAuthority is a CA certificate plus its private key. The bank creates a two-tier
// hierarchy on first run (create_ca_hierarchy) and keeps it through its storage layer as PEM
// certificate + PKCS#8 key (export_pem / load). The issuing CA (しんきん電子証明書認証局 in the
// seeds; the name is a parameter, BrandConfig::ca_name) issues the client certificates:
//
//   v3, random positive 128-bit serial, SHA-256 signature, validity from a caller-supplied time
//   (the simulated clock) for one calendar year unless told otherwise, keyUsage digitalSignature
//   (critical: Mbed TLS always writes it so), extendedKeyUsage clientAuth, SKI and AKI,
//   basicConstraints CA:FALSE, subject from the bank's records (pki/name.h), public key from a
//   CSR whose signature (proof of possession) was checked first.
#pragma once

#include <string>

#include "pki/bytes.h"
#include "pki/certificate.h"
#include "pki/error.h"
#include "pki/key.h"
#include "pki/name.h"
#include "pki/time.h"

namespace cp::pki {

class Drbg;

struct IssueOptions {
    UnixTime not_before = 0;  // required: the simulated "now" (or the start of validity)
    int validity_days = 0;    // 0: one calendar year (the bank's certificates live one year)
};

class CertificateAuthority {
public:
    CertificateAuthority() = default;
    CertificateAuthority(CertificateAuthority&&) noexcept = default;
    CertificateAuthority& operator=(CertificateAuthority&&) noexcept = default;

    // A self-signed root (keyUsage keyCertSign|cRLSign, basicConstraints CA:TRUE).
    PkiError create_root(const CaSubject& subject, KeyType key_type, UnixTime not_before,
                         int validity_years, Drbg& rng);
    // A CA certified by `parent` (pathLenConstraint 0: it issues end-entity certificates only).
    PkiError create_subordinate(const CertificateAuthority& parent, const CaSubject& subject,
                                KeyType key_type, UnixTime not_before, int validity_years, Drbg& rng);

    // Restores a CA from storage: the certificate and its unencrypted PKCS#8 key (PEM or DER).
    // KeyMismatch when they do not belong together; NotACertificateAuthority for a non-CA cert.
    PkiError load(ByteView certificate, ByteView private_key, Drbg& rng);
    PkiError export_pem(std::string& certificate_pem, SecretBytes& private_key_pem) const;

    // Checks the CSR's proof of possession, then issues a client certificate for `subject`
    // (validated: InvalidArgument for a malformed subject). The CSR's own subject is ignored:
    // the bank's records decide what a certificate says.
    PkiError issue_client_certificate(ByteView csr, const ClientSubject& subject,
                                      const IssueOptions& options, Drbg& rng, Bytes& certificate_der) const;

    // A TLS server certificate for `host_name` (CN and subjectAltName dNSName; extendedKeyUsage
    // serverAuth, keyUsage digitalSignature) on `server_key`'s public key: the bank's web server,
    // which wasm/core/tls's handshake presents. InvalidArgument for a name that is not a DNS name.
    PkiError issue_server_certificate(const KeyPair& server_key, const std::string& host_name,
                                      const IssueOptions& options, Drbg& rng, Bytes& certificate_der) const;

    bool empty() const { return certificate_.empty(); }
    const Certificate& certificate() const { return certificate_; }
    const KeyPair& key() const { return key_; }

private:
    // create_root (parent null: self-signed) and create_subordinate (certified by `parent`).
    PkiError create(const CertificateAuthority* parent, const CaSubject& subject, KeyType key_type,
                    UnixTime not_before, int validity_years, Drbg& rng);

    Certificate certificate_;
    KeyPair key_;
};

// The bank's hierarchy. Names: the issuing CA is `ca_name`, the root `ca_name` + " ルートCA".
// Lengths and key type: docs/domain.md, "Every other number".
struct CaSetup {
    std::string ca_name = "しんきん電子証明書認証局";
    std::string organization;            // optional O of both CA certificates
    KeyType key_type = KeyType::Rsa2048;  // tests use EcP256 (fast)
    int root_validity_years = 20;
    int issuing_validity_years = 10;
};

struct CaHierarchy {
    CertificateAuthority root;
    CertificateAuthority issuing;
};

PkiError create_ca_hierarchy(const CaSetup& setup, UnixTime now, Drbg& rng, CaHierarchy& out);

// A random positive 128-bit serial (16 bytes, the first non-zero). Exposed for tests.
PkiError random_serial(Drbg& rng, Bytes& serial);

}  // namespace cp::pki
