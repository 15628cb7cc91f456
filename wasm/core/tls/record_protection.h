// certportal tls: opening protected TLS records with the secrets of an NSS key log — what the
// handshake viewer (transcript.h) needs to show TLS 1.3's encrypted handshake messages and TLS
// 1.2's encrypted Finished. Only the suites the handshake negotiates (AES-128-GCM with SHA-256);
// Mbed TLS does the cryptography (HKDF, the TLS 1.2 PRF, GCM).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "pki/bytes.h"

namespace cp::tls {

// The secrets of a key log for one client random (keylog.h writes them). Empty when absent.
struct KeyLogSecrets {
    pki::Bytes master_secret;     // TLS 1.2: CLIENT_RANDOM
    pki::Bytes client_handshake;  // TLS 1.3: CLIENT_HANDSHAKE_TRAFFIC_SECRET
    pki::Bytes server_handshake;  // SERVER_HANDSHAKE_TRAFFIC_SECRET
    pki::Bytes client_application;  // CLIENT_TRAFFIC_SECRET_0
    pki::Bytes server_application;  // SERVER_TRAFFIC_SECRET_0
};
// The lines of `key_log` for `client_random` (lines for other randoms, or that do not parse, are
// skipped).
KeyLogSecrets read_key_log(std::string_view key_log, pki::ByteView client_random);

// One direction's AES-128-GCM record key with its sequence number.
class RecordKey {
public:
    // TLS 1.3 (RFC 8446 7.3): key = HKDF-Expand-Label(secret, "key", "", 16), iv = …("iv", 12).
    static std::optional<RecordKey> tls13(pki::ByteView traffic_secret);
    // TLS 1.2 (RFC 5246 6.3, RFC 5288): the key block PRF(master, "key expansion", server_random +
    // client_random); `client` picks the client's write key and salt.
    static std::optional<RecordKey> tls12(pki::ByteView master_secret, pki::ByteView client_random,
                                          pki::ByteView server_random, bool client);

    // Opens one record (`record`: 5-byte header + body) under this key at sequence(): on success
    // the plaintext (TLS 1.3: the inner plaintext, content type and padding included) and the
    // sequence number advances; nullopt (sequence unchanged) when the record does not open.
    std::optional<pki::Bytes> open(pki::ByteView record);
    std::uint64_t sequence() const { return sequence_; }

private:
    bool tls13_ = true;
    std::uint8_t key_[16] = {};
    std::uint8_t iv_[12] = {};  // TLS 1.2: the 4-byte salt in the first bytes
    std::uint64_t sequence_ = 0;
};

// TLS 1.3's inner plaintext: the content, then its type, then zero padding (RFC 8446 5.2). False
// when it is all zeros.
bool split_inner_plaintext(pki::Bytes& plaintext, std::uint8_t& content_type);

}  // namespace cp::tls
