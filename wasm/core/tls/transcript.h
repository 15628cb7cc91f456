// certportal tls: the handshake viewer's model — every message of a captured handshake, in order,
// both directions, read from the records as they crossed the wire (tls::Capture).
//
//   Transcript t = read_transcript(capture);
//   for (const Message& m : t.messages) m.direction, m.time_us, m.name, m.fields, m.bytes, m.mark
//
// The record layer is parsed (5-byte header), handshake messages are cut out of each direction's
// handshake stream (a message may span records, a record may hold several), and protected records
// are opened with the capture's key log (record_protection.h): TLS 1.3's handshake and application
// traffic secrets (HKDF-Expand-Label "key"/"iv", AES-128-GCM, per-direction sequence numbers, the
// inner content type), TLS 1.2's master secret (the PRF's key block, AES-128-GCM after
// ChangeCipherSpec). A record no key opens stays one message of kind Encrypted; bytes that do not
// parse give a message of kind Malformed with its error, and reading goes on with the next record:
// never a crash, whatever the input.
//
// The failing check is marked (Mark): the alert that ended the handshake, and for the server's
// certificate alerts (bad_certificate, certificate_revoked/expired/unknown, unknown_ca) the client's
// Certificate message the server checked.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pki/bytes.h"
#include "tls/capture.h"

namespace cp::tls {

// What a transcript entry is.
enum class MessageKind : std::uint8_t {
    Handshake,         // a handshake message (handshake_type says which)
    ChangeCipherSpec,  // TLS 1.2's (and 1.3's compatibility) ChangeCipherSpec record
    Alert,             // an alert (level, description)
    ApplicationData,   // application data after the handshake
    Encrypted,         // a protected record no key of the key log opens
    Malformed,         // bytes that do not parse (error says why)
};

// RFC 8446 4 / RFC 5246 7.4: handshake message types.
enum class HandshakeType : std::uint8_t {
    HelloRequest = 0,
    ClientHello = 1,
    ServerHello = 2,
    NewSessionTicket = 4,
    EndOfEarlyData = 5,
    EncryptedExtensions = 8,
    Certificate = 11,
    ServerKeyExchange = 12,
    CertificateRequest = 13,
    ServerHelloDone = 14,
    CertificateVerify = 15,
    ClientKeyExchange = 16,
    Finished = 20,
    KeyUpdate = 24,
    MessageHash = 254,
};
const char* handshake_type_name(std::uint8_t type);  // "ClientHello", … ("handshake_<n>" otherwise)

// How a message was protected on the wire.
enum class Protection : std::uint8_t {
    Plain,               // sent in the clear
    HandshakeKeys,       // TLS 1.3: under its sender's handshake traffic keys
    ApplicationKeys,     // TLS 1.3: under its sender's application traffic keys
    MasterSecretKeys,    // TLS 1.2: under the key block of the master secret (after ChangeCipherSpec)
};

// The failing check a message shows.
enum class Mark : std::uint8_t {
    None,
    CheckedCertificate,  // the client's Certificate the server refused (its alert says why)
    FailingAlert,        // the alert that ended the handshake
};

struct Field {
    std::string name;   // the protocol's name ("cipher_suite", "server_name", …)
    std::string value;  // readable ("TLS_AES_128_GCM_SHA256 (0x1301)", "CN=…, O=…", …)
};

struct Message {
    Direction direction = Direction::ClientToServer;
    std::int64_t time_us = 0;  // the record it starts in
    MessageKind kind = MessageKind::Handshake;
    std::uint8_t handshake_type = 0;  // kind == Handshake
    std::string name;                 // "ClientHello", "Alert", "ChangeCipherSpec", "Encrypted record", …
    std::vector<Field> fields;
    pki::Bytes bytes;  // the message as sent inside its record(s) (decrypted when it was protected)
    Protection protection = Protection::Plain;
    // TLS 1.3: the server's alert after the client's Finished opened with its HANDSHAKE keys (Mbed
    // TLS's server sends it so; docs/architecture.md "The certificate login's TLS handshake").
    bool late_handshake_key = false;
    Mark mark = Mark::None;
    std::string error;  // kind == Malformed: what did not parse
    // Alerts: level and description (kind == Alert).
    std::uint8_t alert_level = 0;
    std::uint8_t alert_description = 0;

    bool is(HandshakeType type) const {
        return kind == MessageKind::Handshake && handshake_type == static_cast<std::uint8_t>(type);
    }
};

struct Transcript {
    Version version = Version::Tls13;
    bool decrypted = false;  // the key log held the secrets the records needed
    std::vector<Message> messages;
    // The messages' index of the failing check (-1: none): the alert, then the Certificate it refers to.
    int failing_alert = -1;
    int checked_certificate = -1;
};

// Every message of `capture`, in order. `use_key_log` false reads it as a person without the
// secrets would (TLS 1.3's encrypted handshake messages stay Encrypted).
Transcript read_transcript(const Capture& capture, bool use_key_log = true);

}  // namespace cp::tls
