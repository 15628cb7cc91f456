// certportal bank: what the bank needs from the PKI, and nothing more. The bank decides WHO may
// get a certificate and WHEN (PINs, tokens, windows, records); the authority does the
// cryptography: it issues a certificate with a protected private key, revokes, and checks at
// login that a PC really holds the key of a certificate this CA issued and has not revoked
// (challenge-response).
//
// Implementations:
//   SimulatedAuthority (bank/simulated_authority.h)  bookkeeping only, no cryptography: tests
//                                                    and demos of the procedures
//   the PKI core (wasm/core/pki)                     real X.509 + CRL, plugged in by an adapter
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bank/clock.h"
#include "bank/result.h"
#include "bank/secure_bytes.h"

namespace cp {

enum class HolderKind : std::uint8_t { Administrator = 0, User = 1 };

// The key protection level asked when the key is created (「アプリケーションは保護されたアイテムを
// 作成しています」: the seed says to check that it is 中).
enum class KeyProtection : std::uint8_t { Low = 0, Medium = 1, High = 2 };

struct CertificateSubject {
    std::string contract_id;  // 契約者ID
    std::string holder_id;    // the bank code (e.g. 1635) for the administrator, the 利用者ID for users
    HolderKind kind = HolderKind::User;
    // What the certificate chooser shows: "00009876543 1635" / "00009876543 S0001".
    std::string display_name() const { return contract_id + " " + holder_id; }
    bool operator==(const CertificateSubject&) const = default;
};

struct IssueRequest {
    CertificateSubject subject;
    KeyProtection protection = KeyProtection::Medium;
    SimTime not_before = 0;
    SimTime not_after = 0;
};

// A certificate as it sits in a PC's store (the OS store's 個人 tab): the certificate and its
// protected private key travel together and are saved in one transaction.
struct InstalledCertificate {
    std::string serial;          // hex, as the CA wrote it
    CertificateSubject subject;
    SimTime not_before = 0;
    SimTime not_after = 0;       // 有効期限, what the certificate manager lists
    KeyProtection protection = KeyProtection::Medium;
    std::vector<std::uint8_t> certificate;  // DER for the PKI; opaque to the bank
    SecureBytes protected_key;              // the private key as the PKI protects it; opaque
    bool operator==(const InstalledCertificate&) const = default;
};

class CertificateAuthority {
public:
    virtual ~CertificateAuthority() = default;
    // Creates a key pair and a certificate for `request`; Ok or IssuingFailed.
    virtual BankResult issue(const IssueRequest& request, InstalledCertificate& out) = 0;
    // Adds `serial` to the revocation list; Ok, or CertificateUnknown.
    virtual BankResult revoke(std::string_view serial, SimTime now) = 0;
    // Login proof: Ok, CertificateUnknown (not ours / key does not match), CertificateRevoked,
    // CertificateExpired.
    virtual BankResult verify_login(const InstalledCertificate& certificate, SimTime now) = 0;
};

}  // namespace cp
