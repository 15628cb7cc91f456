#include "tls/capture.h"

namespace cp::tls {

Capture capture_of(const Handshake& handshake) {
    Capture c;
    c.version = handshake.version();
    c.outcome = handshake.outcome();
    c.alert = handshake.alert();
    c.client_certificate_status = handshake.client_certificate_status();
    c.host_name = handshake.host_name();
    c.records = handshake.records();
    c.key_log = handshake.key_log();
    c.requested_authorities = handshake.requested_authorities();
    return c;
}

}  // namespace cp::tls
