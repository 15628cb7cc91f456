// certportal tls: the certificate login's mutual-TLS handshake, client (the simulated browser) and
// server (the bank) in one object, over an in-memory transport.
//
//   Handshake hs(config, rng);
//   hs.start();                        // ClientHello → the server's flight (… CertificateRequest …)
//   // hs.state() == State::AwaitingCertificate: the server's flight is HELD in the transport (the
//   // client has not read it); the chooser, the key-access prompt and the unsealing run here.
//   hs.provide_certificate(cert, key); // delivers the flight; Certificate, CertificateVerify, Finished
//   // or hs.refuse();                 // 拒否: the client's fatal alert, the handshake ends
//   hs.outcome(), hs.alert(), hs.records(), hs.key_log()
//
// The server: the bank's certificate and ECDSA P-256 key; MBEDTLS_SSL_VERIFY_REQUIRED with the bank's
// issuing CA as the only acceptable issuer (the TLS 1.2 CertificateRequest names it); a verify
// callback deciding the client certificate's status with pki::verify_certificate on the caller's
// simulated time and CRL (the build has no clock). The client trusts the same CA for the server's
// certificate, checked the same way. CertificateVerify is signed by the key lent to
// provide_certificate() for that call only (docs/architecture.md, "The certificate login's TLS
// handshake"). Everything runs synchronously on the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pki/certificate.h"
#include "pki/crl.h"
#include "pki/key.h"
#include "pki/time.h"
#include "pki/verify.h"
#include "tls/keylog.h"
#include "tls/transport.h"

namespace cp::pki {
class Drbg;
}

namespace cp::tls {

enum class Version : std::uint8_t { Tls12, Tls13 };
const char* version_name(Version version);  // "TLS 1.2", "TLS 1.3"

// How a handshake ended, as the module tells its caller. Names: outcome_name().
enum class Outcome : std::uint8_t {
    Ok,               // both sides finished; the client certificate passed the server's checks
    Pending,          // not ended yet (started, or held for the certificate)
    Expired,          // the client certificate's notAfter is before the simulated time
    NotYetValid,      // its notBefore is after the simulated time
    Revoked,          // on the CRL the caller gave
    UnknownCa,        // not issued by the bank's CA (or its signature does not verify)
    BadCertificate,   // issued by the CA but unusable for a client login (key usage, key type)
    KeyAccessDenied,  // 拒否 at the key prompt: the client aborted with its alert
    ServerRejected,   // the client refused the server's certificate
    ProtocolError,    // anything else Mbed TLS refused (the code is in mbedtls_error())
    Internal,         // set-up failed (bad configuration, out of memory)
};
inline constexpr int kOutcomeCount = 11;
const char* outcome_name(Outcome outcome);  // "Ok", "Expired", …
inline std::ostream& operator<<(std::ostream& out, Outcome outcome) { return out << outcome_name(outcome); }

// An alert that crossed the wire, as its receiver read it.
struct Alert {
    Direction direction = Direction::ServerToClient;  // who sent it
    std::uint8_t level = 2;                          // 1 warning, 2 fatal
    std::uint8_t description = 0;                    // RFC 8446 6: 42 bad_certificate, 44 revoked, 45 expired, 46 unknown, 48 unknown_ca, 80 internal_error …
};
const char* alert_name(std::uint8_t description);  // "certificate_expired", … ("alert_<n>" otherwise)

struct ServerConfig {
    Version version = Version::Tls13;  // the bank's profile chooses; the client offers both
    std::string host_name;             // the server certificate's DNS name (the client's SNI)
    const pki::Certificate* server_certificate = nullptr;  // issued by `issuing_ca`
    const pki::KeyPair* server_key = nullptr;              // its ECDSA P-256 private key
    const pki::Certificate* issuing_ca = nullptr;  // the only acceptable issuer of client certificates
    const pki::Certificate* root_ca = nullptr;     // the issuing CA's root (chain checks)
    const pki::Crl* crl = nullptr;                 // the issuing CA's CRL (optional)
    pki::UnixTime now = 0;                         // the simulated time of the checks and the records
};

class Handshake {
public:
    enum class State : std::uint8_t { Idle, AwaitingCertificate, Finished };

    // `rng` must outlive the handshake. Timestamps: config.now, then +1 ms per record unless a clock
    // (microseconds since 1970) is given.
    Handshake(const ServerConfig& config, pki::Drbg& rng, MemoryTransport::Clock clock = {});
    ~Handshake();
    Handshake(const Handshake&) = delete;
    Handshake& operator=(const Handshake&) = delete;

    // Runs until the server's flight with its CertificateRequest is on the wire and held, or the
    // handshake fails before (then Finished with the outcome).
    State start();
    // The chosen certificate and its private key, lent for this call: the flight is delivered and the
    // handshake runs to its end. Returns the outcome.
    Outcome provide_certificate(const pki::Certificate& certificate, const pki::KeyPair& key);
    // 拒否 at the key prompt: the client sends a fatal internal_error alert (what a browser sends when
    // the private key operation fails) and the handshake ends with KeyAccessDenied.
    Outcome refuse();

    State state() const { return state_; }
    Outcome outcome() const { return outcome_; }
    Version version() const { return config_.version; }
    const std::string& host_name() const { return config_.host_name; }
    // The alert that ended the handshake, when one did.
    const std::optional<Alert>& alert() const { return alert_; }
    // The server's status of the client certificate (pki's words), when it checked one.
    const std::optional<pki::CertificateStatus>& client_certificate_status() const { return client_status_; }
    // The client certificate (DER) the server received and checked; empty when none reached it.
    const pki::Bytes& client_certificate() const { return client_certificate_; }
    // Mbed TLS's error code of the side that failed first (0 when none), for logs and tests.
    int mbedtls_error() const { return error_; }

    const std::vector<Record>& records() const { return transport_.records(); }
    const MemoryTransport& transport() const { return transport_; }
    const std::string& key_log() const { return key_log_.text(); }

    // TLS 1.2: the distinguished names (DER) of the certificate_authorities field of the server's
    // CertificateRequest, read from the held flight's records (Mbed TLS's client skips the field).
    // Empty for TLS 1.3 (Mbed TLS's server sends no certificate_authorities extension) or before start().
    std::vector<pki::Bytes> requested_authorities() const;

    struct Side;  // one Mbed TLS endpoint (handshake.cpp)

private:
    void pump();
    void finish();

    ServerConfig config_;
    pki::Drbg& rng_;
    std::int64_t ticks_ = 0;
    MemoryTransport transport_;
    KeyLog key_log_;
    std::unique_ptr<Side> client_;
    std::unique_ptr<Side> server_;
    State state_ = State::Idle;
    Outcome outcome_ = Outcome::Pending;
    std::optional<Alert> alert_;
    std::optional<pki::CertificateStatus> client_status_;
    std::optional<pki::CertificateStatus> server_status_;
    pki::Bytes client_certificate_;
    int error_ = 0;
    bool refused_ = false;
    bool setup_failed_ = false;
};

}  // namespace cp::tls
