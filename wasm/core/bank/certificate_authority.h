// certportal bank: what the bank needs from the PKI, and nothing more. The bank decides WHO may
// get a certificate and WHEN (PINs, tokens, windows, records); the authority does the
// cryptography: it issues a certificate for a CSR made on the PC (the private key never leaves
// the PC), revokes into its CRL, and runs the login server of the certificate login: a TLS server
// whose handshake checks that the PC holds the key of a certificate this CA issued, valid and not
// revoked (tls/handshake.h; the bank then checks whose certificate it is: bank.h).
//
// The split between the two sides, as on the real site:
//   bank side  CertificateAuthority (this file; PkiAuthority in pki_authority.h is the real one)
//   PC side    CertificateEnrollment (key → CSR → protect → install) and LoginSigner (unlock the
//              key, lend it to the handshake's CertificateVerify): certificate_enrollment.h, login_signer.h
// Nothing here looks at a private key: InstalledCertificate::protected_key is opaque to the bank.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bank/clock.h"
#include "bank/result.h"
#include "pki/bytes.h"
#include "tls/handshake.h"

namespace cp {

enum class HolderKind : std::uint8_t { Administrator = 0, User = 1 };

// The key protection level chosen when the key is created (「アプリケーションは保護されたアイテムを
// 作成しています」: the seed says to check that it is 中). 低: plain key; 中: sealed by the PC's
// device key, a consent prompt at each use; 高: encrypted PKCS#8, a password at each use.
enum class KeyProtection : std::uint8_t { Low = 0, Medium = 1, High = 2 };

struct CertificateSubject {
    std::string contract_id;  // 契約者ID
    std::string holder_id;    // the bank code (e.g. 1635) for the administrator, the 利用者ID for users
    HolderKind kind = HolderKind::User;
    // What the certificate chooser shows: "00009876543 1635" / "00009876543 S0001".
    std::string display_name() const { return contract_id + " " + holder_id; }
    bool operator==(const CertificateSubject&) const = default;
};

// What the bank asks the CA to certify. The validity is explicit (the simulated clock; presets
// write a past); the public key comes from the CSR.
struct IssueRequest {
    CertificateSubject subject;
    SimTime not_before = 0;
    SimTime not_after = 0;  // a whole number of days after not_before
};

// What the CA hands back: the certificate and the facts the bank records (read from the DER).
struct IssuedCertificate {
    std::string serial;  // lower-case hex, as the records and the certificate manager show it
    CertificateSubject subject;
    SimTime not_before = 0;
    SimTime not_after = 0;
    std::vector<std::uint8_t> certificate;  // DER
    bool operator==(const IssuedCertificate&) const = default;
};

// A certificate as it sits in a PC's store (the OS store's 個人 tab): the certificate and its
// protected private key travel together and are saved in one transaction. serial, subject and
// dates are the store's listing (what the chooser and the manager show); the bank never trusts
// them, it reads the certificate itself.
struct InstalledCertificate {
    std::string serial;
    CertificateSubject subject;
    SimTime not_before = 0;
    SimTime not_after = 0;       // 有効期限, what the certificate manager lists
    KeyProtection protection = KeyProtection::Medium;
    std::vector<std::uint8_t> certificate;  // DER
    pki::SecretBytes protected_key;         // PKCS#8: plain (低), device-sealed (中), encrypted (高)
    bool operator==(const InstalledCertificate&) const = default;
};

class CertificateAuthority {
public:
    virtual ~CertificateAuthority() = default;
    // Checks the CSR's proof of possession and issues; Ok or IssuingFailed.
    virtual BankResult issue(const IssueRequest& request, std::span<const std::uint8_t> csr,
                             IssuedCertificate& out) = 0;
    // Adds `serial` to the revocation list (idempotent); Ok, or CertificateUnknown for a malformed
    // serial. An empty serial (nothing was issued) is Ok and changes nothing.
    virtual BankResult revoke(std::string_view serial, SimTime now) = 0;
    // Publishes a fresh revocation list when the current one's nextUpdate has come (the bank
    // calls it whenever the simulated clock moves: process_due_work).
    virtual BankResult refresh_revocation_list(SimTime now) = 0;
    // Reads what a certificate says (no trust decision: to know which user a login is for).
    // CertificateUnknown when it is not a client certificate of this bank's shape.
    virtual BankResult read_certificate(std::span<const std::uint8_t> certificate, IssuedCertificate& out) = 0;
    // The login server of the certificate login: fills the server's certificate and key, the CA
    // whose client certificates it accepts (and its root) and the current CRL — pointers into the
    // authority, valid while it lives; the version and the time are the bank's (Bank::
    // new_login_handshake). IssuingFailed when the authority has no server identity.
    virtual BankResult login_server(tls::ServerConfig& out) const = 0;
};

}  // namespace cp
