// certportal pki: certificate login — challenge–response standing in for TLS client auth.
//
//   bank    nonce = create_login_challenge(rng)                    (32 random bytes, one use)
//   client  signature = sign_login_challenge(private key, nonce)   (key from the key store)
//   bank    verify_login(certificate, nonce, signature, expected identity, trust store, now)
//
// What is signed is "certportal-login-v1\0" || nonce: the prefix keeps a login signature from
// ever doubling as a signature over anything else. The bank checks, in this order: the
// certificate parses; it chains to the bank's CA with good signatures; it is the certificate the
// login asks for (administrator login: CN 契約者ID + " " + bank code and OU 管理者; user login:
// CN 契約者ID + " " + 利用者ID and OU 利用者) — else WrongCertificate; it is valid now and not
// revoked; it allows client authentication; the signature proves possession of its key.
#pragma once

#include <cstdint>
#include <string>

#include "pki/bytes.h"
#include "pki/error.h"
#include "pki/name.h"
#include "pki/time.h"
#include "pki/verify.h"

namespace cp::pki {

class Drbg;
class KeyPair;

inline constexpr std::size_t kLoginNonceSize = 32;

PkiError create_login_challenge(Drbg& rng, Bytes& nonce);
PkiError sign_login_challenge(const KeyPair& key, ByteView nonce, Drbg& rng, Bytes& signature);

struct ExpectedLogin {
    CertificateRole role = CertificateRole::Administrator;
    std::string contract_id;  // 契約者ID
    std::string bank_code;    // administrator login
    std::string user_id;      // user login
};

enum class LoginResult : std::uint8_t {
    Ok,
    MalformedCertificate,  // not a certificate we can read
    UntrustedCertificate,  // chain: unknown issuer or bad signature (status says which)
    WrongCertificate,      // a good certificate, but not the one this login needs
                           // (e.g. a user's certificate at the administrator login)
    CertificateNotValid,   // expired, not yet valid or revoked (status says which)
    NotForClientAuth,      // keyUsage / extendedKeyUsage do not allow client authentication
    BadProof,              // the signature over the challenge does not verify
    InvalidChallenge,      // nonce of the wrong size
};

const char* login_result_name(LoginResult result);

struct LoginVerdict {
    LoginResult result = LoginResult::BadProof;  // fail-safe start value
    CertificateStatus status = CertificateStatus::BadSignature;
    std::string common_name;  // what the certificate says (for the error message / audit log)
};

LoginVerdict verify_login(ByteView certificate, ByteView nonce, ByteView signature, const ExpectedLogin& expected,
                          const TrustStore& store, UnixTime now);

}  // namespace cp::pki
