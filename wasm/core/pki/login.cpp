// certportal pki: certificate login.
#include "pki/login.h"

#include <mbedtls/oid.h>
#include <mbedtls/x509_crt.h>

#include <cstring>

#include "pki/certificate.h"
#include "pki/key.h"
#include "pki/random.h"

namespace cp::pki {
namespace {

constexpr char kLoginContext[] = "certportal-login-v1";  // + its NUL

Bytes login_message(ByteView nonce) {
    Bytes m(sizeof kLoginContext + nonce.size());
    std::memcpy(m.data(), kLoginContext, sizeof kLoginContext);
    if (!nonce.empty()) std::memcpy(m.data() + sizeof kLoginContext, nonce.data(), nonce.size());
    return m;
}

}  // namespace

const char* login_result_name(LoginResult result) {
    switch (result) {
        case LoginResult::Ok: return "Ok";
        case LoginResult::MalformedCertificate: return "MalformedCertificate";
        case LoginResult::UntrustedCertificate: return "UntrustedCertificate";
        case LoginResult::WrongCertificate: return "WrongCertificate";
        case LoginResult::CertificateNotValid: return "CertificateNotValid";
        case LoginResult::NotForClientAuth: return "NotForClientAuth";
        case LoginResult::BadProof: return "BadProof";
        case LoginResult::InvalidChallenge: return "InvalidChallenge";
    }
    return "?";
}

PkiError create_login_challenge(Drbg& rng, Bytes& nonce) {
    nonce.assign(kLoginNonceSize, 0);
    return rng.random(nonce);
}

PkiError sign_login_challenge(const KeyPair& key, ByteView nonce, Drbg& rng, Bytes& signature) {
    signature.clear();
    if (nonce.size() != kLoginNonceSize) return PkiError::InvalidArgument;
    return key.sign_sha256(login_message(nonce), rng, signature);
}

LoginVerdict verify_login(ByteView certificate, ByteView nonce, ByteView signature, const ExpectedLogin& expected,
                          const TrustStore& store, UnixTime now) {
    LoginVerdict v;
    if (nonce.size() != kLoginNonceSize) {
        v.result = LoginResult::InvalidChallenge;
        return v;
    }
    Certificate cert;
    if (cert.parse(certificate) != PkiError::Ok) {
        v.result = LoginResult::MalformedCertificate;
        return v;
    }
    const SubjectIdentity id = cert.subject_identity();
    v.common_name = id.common_name;
    const VerifyResult status = verify_certificate(cert, store, now);
    v.status = status.status;
    if (status.status == CertificateStatus::UnknownIssuer || status.status == CertificateStatus::BadSignature) {
        v.result = LoginResult::UntrustedCertificate;
        return v;
    }
    const bool admin = expected.role == CertificateRole::Administrator;
    const std::string want_cn = expected.contract_id + " " + (admin ? expected.bank_code : expected.user_id);
    if (expected.contract_id.empty() || id.common_name != want_cn || id.organizational_unit != role_unit_name(expected.role)) {
        v.result = LoginResult::WrongCertificate;
        return v;
    }
    if (status.status != CertificateStatus::Valid) {
        v.result = LoginResult::CertificateNotValid;
        return v;
    }
    const mbedtls_x509_crt* c = cert.raw();
    if (mbedtls_x509_crt_check_key_usage(c, MBEDTLS_X509_KU_DIGITAL_SIGNATURE) != 0 ||
        mbedtls_x509_crt_check_extended_key_usage(c, MBEDTLS_OID_CLIENT_AUTH, MBEDTLS_OID_SIZE(MBEDTLS_OID_CLIENT_AUTH)) != 0) {
        v.result = LoginResult::NotForClientAuth;
        return v;
    }
    KeyPair pub;
    if (cert.public_key(pub) != PkiError::Ok || pub.verify_sha256(login_message(nonce), signature) != PkiError::Ok) {
        v.result = LoginResult::BadProof;
        return v;
    }
    v.result = LoginResult::Ok;
    return v;
}

}  // namespace cp::pki
