// certportal tls: NSS key log lines from Mbed TLS's key-export callback (keylog.h).
#include "tls/keylog.h"

#include <mbedtls/ssl.h>

namespace cp::tls {

namespace {
void append_hex(std::string& out, const unsigned char* bytes, std::size_t size) {
    static const char* const kDigits = "0123456789abcdef";
    for (std::size_t i = 0; i < size; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0x0f];
    }
}
}  // namespace

void KeyLog::add(const char* label, const unsigned char* client_random, const unsigned char* secret, std::size_t len) {
    text_ += label;
    text_ += ' ';
    append_hex(text_, client_random, 32);
    text_ += ' ';
    append_hex(text_, secret, len);
    text_ += '\n';
    ++lines_;
}

void KeyLog::export_keys(void* context, int type, const unsigned char* secret, std::size_t secret_len,
                         const unsigned char client_random[32], const unsigned char* /*server_random*/,
                         int /*tls_prf_type*/) {
    auto* log = static_cast<KeyLog*>(context);
    switch (static_cast<mbedtls_ssl_key_export_type>(type)) {
        case MBEDTLS_SSL_KEY_EXPORT_TLS12_MASTER_SECRET:
            log->add("CLIENT_RANDOM", client_random, secret, secret_len);
            break;
        case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_CLIENT_HANDSHAKE_TRAFFIC_SECRET:
            log->add("CLIENT_HANDSHAKE_TRAFFIC_SECRET", client_random, secret, secret_len);
            break;
        case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_SERVER_HANDSHAKE_TRAFFIC_SECRET:
            log->add("SERVER_HANDSHAKE_TRAFFIC_SECRET", client_random, secret, secret_len);
            break;
        case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_CLIENT_APPLICATION_TRAFFIC_SECRET:
            log->add("CLIENT_TRAFFIC_SECRET_0", client_random, secret, secret_len);
            break;
        case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_SERVER_APPLICATION_TRAFFIC_SECRET:
            log->add("SERVER_TRAFFIC_SECRET_0", client_random, secret, secret_len);
            break;
        default:
            break;  // early-data secrets: no 0-RTT here
    }
}

}  // namespace cp::tls
