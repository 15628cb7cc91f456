// certportal pki: certificate status — chain, validity at a given time, revocation.
//
// The bank's trust store is its own hierarchy (root + issuing CA) and the issuing CA's latest CRL.
// verify_certificate() answers with one CertificateStatus the UI shows as a word:
//
//   Valid 有効 · Revoked 失効 · Expired 期限切れ · NotYetValid まだ有効でない ·
//   UnknownIssuer 発行元不明 · BadSignature 署名不正
//
// Order of the checks (the first failure decides, so a certificate with several problems gets
// the most fundamental one):
//   1. issuer: a CA of the store whose subject is the certificate's issuer, that is a CA
//      (basicConstraints, keyCertSign) — else UnknownIssuer; each CA up to a trusted root likewise;
//   2. signatures along the chain — else BadSignature;
//   3. revocation of the leaf by the issuing CA's CRL, and of the issuing CA by the root's CRL
//      when the store has one (signatures checked; a CRL that does not verify is ignored and, for
//      the leaf, reported in VerifyResult::crl) — Revoked. Revocation is permanent: it wins over time;
//   4. validity of every certificate of the chain at `now` — NotYetValid / Expired.
// Mbed TLS's own chain verifier is not used: it reads the system clock (which core must not) and
// reports a bad signature and an unknown issuer alike as "not trusted".
#pragma once

#include <cstdint>
#include <vector>

#include "pki/certificate.h"
#include "pki/crl.h"
#include "pki/error.h"
#include "pki/time.h"

namespace cp::pki {

enum class CertificateStatus : std::uint8_t {
    Valid,          // 有効
    Revoked,        // 失効
    Expired,        // 期限切れ
    NotYetValid,    // まだ有効でない
    UnknownIssuer,  // 発行元不明
    BadSignature,   // 署名不正
};

const char* certificate_status_name(CertificateStatus status);  // "Valid", … (logs/tests)
const char* certificate_status_label_ja(CertificateStatus status);  // "有効", … (fallback text)

enum class CrlUse : std::uint8_t {
    NotProvided,   // no CRL for the issuer: revocation not checked
    Checked,       // a CRL of the issuer, signature valid, used
    Stale,         // used, but its nextUpdate is before `now` (the bank should publish a new one)
    Rejected,      // a CRL was given but does not verify with the issuer: ignored
};

struct VerifyResult {
    CertificateStatus status = CertificateStatus::BadSignature;  // fail-safe start value
    CrlUse crl = CrlUse::NotProvided;  // about the leaf's issuer's CRL
    RevocationReason revocation_reason = RevocationReason::Unspecified;  // when Revoked
    UnixTime revocation_date = 0;                                        // when Revoked
    int chain_length = 0;  // certificates from the leaf to the root, when found
};

struct TrustStore {
    std::vector<const Certificate*> roots;          // self-signed, trusted as they are
    std::vector<const Certificate*> intermediates;  // CAs that must chain to a root
    std::vector<const Crl*> crls;                   // at most one per issuer is used (the highest number)
};

VerifyResult verify_certificate(const Certificate& cert, const TrustStore& store, UnixTime now);

}  // namespace cp::pki
