// certportal bank: the bank's certificate authority on the PKI core (wasm/core/pki) — the real
// CertificateAuthority behind the procedures.
//
//   create()          first run: a root and the issuing CA (pki::CaSetup; the brand's CA name,
//                     しんきん電子証明書認証局), an empty CRL (number 1) and the bank's TLS server
//                     identity: an ECDSA P-256 key and a server certificate for the login
//                     server's host name, issued by the issuing CA (valid as long as it)
//   issue()           proof of possession of the CSR, then a client certificate whose subject and
//                     validity come from the bank's records (pki::CertificateAuthority)
//   revoke()          the serial joins the revocation list: a new CRL (number + 1) is signed;
//                     refresh_revocation_list() signs a new one when nextUpdate (7 days) comes
//   login_server()    the certificate login's TLS server (tls/handshake.h): the server certificate
//                     and key, the issuing CA as the only acceptable issuer, the current CRL
//   encode()/decode() the "authority" record of the bank database (persistence.h): root
//                     certificate, issuing CA certificate + key, the latest CRL (which carries the
//                     CRL number and the revoked serials), the TLS server certificate + key.
//                     Record version 1 (before the TLS login) had no server identity: decode()
//                     makes one (made_server_identity() says so: the caller saves it).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "bank/certificate_authority.h"
#include "pki/ca.h"
#include "pki/certificate.h"
#include "pki/crl.h"
#include "pki/random.h"
#include "storage/persist_result.h"

namespace cp {

// The login server's host name (its certificate's CN and dNSName, the client's SNI). The brand
// (config/brand.h) names no host: an example name (RFC 2606's reserved .example), documented in
// docs/domain.md ("The bank's numbers").
inline constexpr const char* kLoginServerHostName = "ib.shinkin-bizdirect.example";

class PkiAuthority final : public CertificateAuthority {
public:
    // `rng` must outlive the authority (the bank's own generator: serials, signatures, nonces).
    explicit PkiAuthority(pki::Drbg& rng) : rng_(rng) {}

    // Creates the hierarchy valid from `not_before` (presets date certificates in the past, so the
    // caller picks a start before them) and publishes an empty CRL at `not_before`.
    BankResult create(const pki::CaSetup& setup, SimTime not_before);
    bool ready() const {
        return !issuing_.empty() && !root_.empty() && !crl_.empty() && !server_certificate_.empty();
    }

    BankResult issue(const IssueRequest& request, std::span<const std::uint8_t> csr, IssuedCertificate& out) override;
    BankResult revoke(std::string_view serial, SimTime now) override;
    BankResult refresh_revocation_list(SimTime now) override;
    BankResult read_certificate(std::span<const std::uint8_t> certificate, IssuedCertificate& out) override;
    BankResult login_server(tls::ServerConfig& out) const override;

    // The saved form (holds the issuing CA's private key: pki::SecretBytes).
    pki::SecretBytes encode() const;
    // Ok, or StateCorrupted (nothing changed) when the record does not make a consistent CA.
    PersistResult decode(std::span<const std::uint8_t> record);
    // The last decode() read a record without a server identity (version 1) and made one: the
    // record must be saved again.
    bool made_server_identity() const { return made_server_identity_; }

    const pki::Certificate& root_certificate() const { return root_; }
    const pki::Certificate& issuing_certificate() const { return issuing_.certificate(); }
    const pki::Crl& crl() const { return crl_; }
    const pki::Certificate& server_certificate() const { return server_certificate_; }
    bool is_revoked(std::string_view serial) const;

private:
    BankResult publish_crl(std::vector<pki::RevokedCertificate> entries, std::uint64_t number, SimTime now);
    // A new P-256 key and server certificate from `issuing`, from its notBefore to its notAfter.
    BankResult make_server_identity(const pki::CertificateAuthority& issuing, pki::Certificate& certificate,
                                    pki::KeyPair& key);

    pki::Drbg& rng_;
    pki::Certificate root_;
    pki::CertificateAuthority issuing_;
    pki::Crl crl_;
    pki::Certificate server_certificate_;
    pki::KeyPair server_key_;
    bool made_server_identity_ = false;
};

}  // namespace cp
