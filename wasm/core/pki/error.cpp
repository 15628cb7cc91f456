// certportal pki: error texts.
#include "pki/error.h"

namespace cp::pki {

const char* pki_error_message(PkiError error) {
    switch (error) {
        case PkiError::Ok: return "ok";
        case PkiError::InvalidArgument: return "invalid argument";
        case PkiError::InputTooLarge: return "input too large";
        case PkiError::MalformedInput: return "malformed input (not valid PEM/DER of the expected kind)";
        case PkiError::UnsupportedAlgorithm: return "unsupported key type or algorithm";
        case PkiError::RandomFailed: return "random number generator failed";
        case PkiError::KeyGenerationFailed: return "key generation failed";
        case PkiError::SigningFailed: return "signing failed";
        case PkiError::SignatureInvalid: return "signature does not verify";
        case PkiError::KeyMismatch: return "private key does not match the certificate";
        case PkiError::WrongPassword: return "wrong password";
        case PkiError::PasswordRequired: return "the key is encrypted: a password is required";
        case PkiError::NotACertificateAuthority: return "the certificate is not a certificate authority";
        case PkiError::DeviceKeyFailed: return "the device key failed";
        case PkiError::Cancelled: return "cancelled";
        case PkiError::OutOfMemory: return "out of memory";
        case PkiError::Internal: return "internal error";
    }
    return "unknown error";
}

const char* pki_error_name(PkiError error) {
    switch (error) {
        case PkiError::Ok: return "Ok";
        case PkiError::InvalidArgument: return "InvalidArgument";
        case PkiError::InputTooLarge: return "InputTooLarge";
        case PkiError::MalformedInput: return "MalformedInput";
        case PkiError::UnsupportedAlgorithm: return "UnsupportedAlgorithm";
        case PkiError::RandomFailed: return "RandomFailed";
        case PkiError::KeyGenerationFailed: return "KeyGenerationFailed";
        case PkiError::SigningFailed: return "SigningFailed";
        case PkiError::SignatureInvalid: return "SignatureInvalid";
        case PkiError::KeyMismatch: return "KeyMismatch";
        case PkiError::WrongPassword: return "WrongPassword";
        case PkiError::PasswordRequired: return "PasswordRequired";
        case PkiError::NotACertificateAuthority: return "NotACertificateAuthority";
        case PkiError::DeviceKeyFailed: return "DeviceKeyFailed";
        case PkiError::Cancelled: return "Cancelled";
        case PkiError::OutOfMemory: return "OutOfMemory";
        case PkiError::Internal: return "Internal";
    }
    return "Unknown";
}

}  // namespace cp::pki
