/* certportal: the entropy source of Mbed TLS's test programs on the wasm build. Our configuration
 * (MBEDTLS_ENTROPY_HARDWARE_ALT) expects the application to define mbedtls_hardware_poll(); in
 * certportal that is wasm/core/pki/random.cpp (C++). Mbed TLS's test programs are C, so they get
 * this one: getentropy() (under Node, Emscripten reads crypto.getRandomValues), at most 256 bytes
 * a call, which the entropy pool accepts as a partial read. */
#include <stddef.h>
#include <unistd.h>

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len, size_t *olen);

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len, size_t *olen)
{
    (void) data;
    size_t n = len < 256 ? len : 256;
    *olen = 0;
    if (n > 0 && getentropy(output, n) != 0) {
        return -0x003C; /* MBEDTLS_ERR_ENTROPY_SOURCE_FAILED */
    }
    *olen = n;
    return 0;
}
