/* certportal tls: the one thing handshake.cpp needs from Mbed TLS's internals (3.6.6).
 *
 * When the person refuses at the key prompt (TLS 1.3), the client aborts where it would write its
 * Certificate: a browser has read the server's flight and sends its alert under its handshake
 * traffic keys. Mbed TLS's client switches to those keys inside its Certificate writer only, and
 * the switch is not in its public API; this C file, compiled against Mbed TLS's own library
 * headers, does it. */
#define MBEDTLS_ALLOW_PRIVATE_ACCESS
#include "ssl_misc.h"

int certportal_tls13_client_use_handshake_keys(mbedtls_ssl_context *ssl);

int certportal_tls13_client_use_handshake_keys(mbedtls_ssl_context *ssl)
{
    if (ssl->handshake == NULL || ssl->handshake->transform_handshake == NULL) {
        return -1;
    }
    mbedtls_ssl_set_outbound_transform(ssl, ssl->handshake->transform_handshake);
    return 0;
}
