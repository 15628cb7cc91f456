// certportal tls: the handshake's secrets as an NSS key log (SSLKEYLOGFILE format), for Wireshark.
//
// Fed by Mbed TLS's key-export callback (mbedtls_ssl_set_export_keys_cb) on the client:
//   TLS 1.2: "CLIENT_RANDOM <client random> <master secret>"
//   TLS 1.3: "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
//            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", each "<label> <client random> <secret>"
// Hex in lower case, one line each, "\n"-terminated, in the order the handshake derives them.
#pragma once

#include <cstddef>
#include <string>

namespace cp::tls {

class KeyLog {
public:
    // Mbed TLS's mbedtls_ssl_export_keys_t, with `context` a KeyLog*. `type` is an
    // mbedtls_ssl_key_export_type; secrets of other types (early data) are not logged.
    static void export_keys(void* context, int type, const unsigned char* secret, std::size_t secret_len,
                            const unsigned char client_random[32], const unsigned char server_random[32],
                            int tls_prf_type);

    const std::string& text() const { return text_; }
    std::size_t lines() const { return lines_; }
    void clear() { text_.clear(); lines_ = 0; }

private:
    void add(const char* label, const unsigned char* client_random, const unsigned char* secret, std::size_t len);
    std::string text_;
    std::size_t lines_ = 0;
};

}  // namespace cp::tls
