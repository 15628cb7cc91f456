// certportal tls tests: the bank's side of a handshake (CA, server certificate and key) and clients.
#pragma once

#include <memory>

#include "pki_test_util.h"
#include "tls/capture.h"
#include "tls/handshake.h"

namespace cp::tls::test {

using pki::test::kDay;
using pki::test::kNow;

// The shared P-256 CA of the PKI tests, a P-256 server key and its certificate for kHost.
inline constexpr const char* kHost = "ib.shinkin-test.example";
struct Bank {
    pki::KeyPair server_key;
    pki::Certificate server_certificate;
    pki::Crl crl;  // empty unless a test revokes
};
const Bank& bank();

// A server configuration for the shared bank at kNow.
ServerConfig server_config(Version version, const pki::Crl* crl = nullptr);

// A client certificate from the shared CA for `key`, valid from `not_before` for `days` days.
pki::Certificate client_certificate(const pki::KeyPair& key, pki::UnixTime not_before = kNow - 10 * kDay, int days = 0);

// The shared CA's CRL (at kNow) with `cert` on it.
pki::Crl crl_revoking(const pki::Certificate& cert, pki::Drbg& rng);

// A whole handshake of the shared bank with a P-256 client certificate, ended as `ending` says
// (Refused: 拒否 at the key prompt), as the viewer and the export get it.
enum class LoginEnd { Valid, Expired, Revoked, Refused };
tls::Capture capture_for(Version version, LoginEnd ending);

}  // namespace cp::tls::test
