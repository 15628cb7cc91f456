// certportal tls: what a handshake leaves behind, as a plain value.
//
// A `Handshake` owns two Mbed TLS contexts and lives only as long as the login's step; what the
// handshake viewer, the capture export (pcapng.h) and a recording need afterwards is this copy:
// the records as they crossed the wire, the key log, and how it ended. It is derived, never saved:
// replaying the same login gives the same messages with other random bytes and keys.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tls/handshake.h"

namespace cp::tls {

struct Capture {
    Version version = Version::Tls13;
    Outcome outcome = Outcome::Pending;
    std::optional<Alert> alert;                                // the alert that ended it, if any
    std::optional<pki::CertificateStatus> client_certificate_status;  // the server's check, if it ran
    std::string host_name;                                     // the server's name (SNI)
    std::vector<Record> records;                               // both directions, in order
    std::string key_log;                                       // NSS SSLKEYLOGFILE lines
    // TLS 1.2: the CA names of the CertificateRequest, read from the wire. TLS 1.3: empty (Mbed
    // TLS's server sends no certificate_authorities; the chooser filters by the configured CA).
    std::vector<pki::Bytes> requested_authorities;
};

// The handshake's state now (usually once it has Finished).
Capture capture_of(const Handshake& handshake);

}  // namespace cp::tls
