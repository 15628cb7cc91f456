// certportal bank: the bank's certificate authority on the PKI core (wasm/core/pki) — the real
// CertificateAuthority behind the procedures.
//
//   create()          first run: a root and the issuing CA (pki::CaSetup; the brand's CA name,
//                     しんきん電子証明書認証局) and an empty CRL (number 1)
//   issue()           proof of possession of the CSR, then a client certificate whose subject and
//                     validity come from the bank's records (pki::CertificateAuthority)
//   revoke()          the serial joins the revocation list: a new CRL (number + 1) is signed;
//                     refresh_revocation_list() signs a new one when nextUpdate (7 days) comes
//   verify_login()    challenge–response (pki/login.h): chain, role and holder, validity at the
//                     simulated time, the CRL, the signature over the bank's one-use nonce;
//                     pki::LoginVerdict mapped to the bank's results (certificate_authority.h)
//   encode()/decode() the "authority" record of the bank database (persistence.h): root
//                     certificate, issuing CA certificate + key, the latest CRL (which carries the
//                     CRL number and the revoked serials)
// Outstanding login challenges live in memory only: a reload forgets them (a login in progress
// starts again), which is what a server restart does too.
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

class PkiAuthority final : public CertificateAuthority {
public:
    // `rng` must outlive the authority (the bank's own generator: serials, signatures, nonces).
    explicit PkiAuthority(pki::Drbg& rng) : rng_(rng) {}

    // Creates the hierarchy valid from `not_before` (presets date certificates in the past, so the
    // caller picks a start before them) and publishes an empty CRL at `not_before`.
    BankResult create(const pki::CaSetup& setup, SimTime not_before);
    bool ready() const { return !issuing_.empty() && !root_.empty() && !crl_.empty(); }

    BankResult issue(const IssueRequest& request, std::span<const std::uint8_t> csr, IssuedCertificate& out) override;
    BankResult revoke(std::string_view serial, SimTime now) override;
    BankResult refresh_revocation_list(SimTime now) override;
    BankResult new_login_challenge(std::vector<std::uint8_t>& nonce) override;
    BankResult read_certificate(std::span<const std::uint8_t> certificate, IssuedCertificate& out) override;
    BankResult verify_login(std::span<const std::uint8_t> certificate, const LoginProof& proof,
                            const CertificateSubject& expected, SimTime now) override;

    // The saved form (holds the issuing CA's private key: pki::SecretBytes).
    pki::SecretBytes encode() const;
    // Ok, or StateCorrupted (nothing changed) when the record does not make a consistent CA.
    PersistResult decode(std::span<const std::uint8_t> record);

    const pki::Certificate& root_certificate() const { return root_; }
    const pki::Certificate& issuing_certificate() const { return issuing_.certificate(); }
    const pki::Crl& crl() const { return crl_; }
    bool is_revoked(std::string_view serial) const;

private:
    BankResult publish_crl(std::vector<pki::RevokedCertificate> entries, std::uint64_t number, SimTime now);
    bool take_challenge(std::span<const std::uint8_t> nonce);

    pki::Drbg& rng_;
    pki::Certificate root_;
    pki::CertificateAuthority issuing_;
    pki::Crl crl_;
    std::vector<std::vector<std::uint8_t>> challenges_;  // outstanding, oldest first
};

}  // namespace cp
