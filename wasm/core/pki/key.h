// certportal pki: key pairs (RSA-2048, ECDSA P-256) and plain PKCS#8.
//
// KeyPair owns an mbedtls_pk_context (RAII: freed and wiped on destruction; move-only). A KeyPair
// holds either a private key (generated or parsed) or only a public key (parsed SPKI, or taken
// from a certificate). Private keys leave a KeyPair only as PKCS#8 (RFC 5208): plain here,
// encrypted in pki/pkcs8.h, sealed by the device key in pki/protection.h.
//
// Signatures are over SHA-256: RSASSA-PKCS1-v1_5 for RSA, ECDSA (DER Ecdsa-Sig-Value) for P-256.
#pragma once

#include <cstddef>
#include <string>

#include "pki/bytes.h"
#include "pki/context.h"
#include "pki/error.h"

namespace cp::pki {

class Drbg;

enum class KeyType : std::uint8_t {
    Rsa2048,  // default: like the bank's certificates
    EcP256,
};

const char* key_type_name(KeyType type);  // "RSA-2048", "ECDSA P-256"

class KeyPair {
public:
    KeyPair() = default;
    // Moves leave `other` empty, its private part included (not copyable: it owns the key).
    KeyPair(KeyPair&& other) noexcept;
    KeyPair& operator=(KeyPair&& other) noexcept;

    // Replaces the content with a fresh key pair.
    PkiError generate(KeyType type, Drbg& rng);
    // Unencrypted private key, PEM or DER: PKCS#8, PKCS#1 (RSA) or SEC1 (EC). An encrypted PKCS#8
    // gives PasswordRequired (use pki/pkcs8.h). Only RSA 2048..4096 and P-256 are accepted.
    PkiError parse_private_key(ByteView pem_or_der);
    // SubjectPublicKeyInfo, PEM or DER: a public-only KeyPair.
    PkiError parse_public_key(ByteView pem_or_der);

    bool empty() const;
    bool has_private_key() const { return has_private_; }
    KeyType type() const;

    // PKCS#8 PrivateKeyInfo (DER / PEM "PRIVATE KEY"). Needs a private key.
    PkiError write_pkcs8_der(SecretBytes& out) const;
    PkiError write_pkcs8_pem(SecretBytes& out) const;
    // SubjectPublicKeyInfo (DER / PEM "PUBLIC KEY").
    PkiError write_public_der(Bytes& out) const;
    PkiError write_public_pem(std::string& out) const;

    // Signs SHA-256(message).
    PkiError sign_sha256(ByteView message, Drbg& rng, Bytes& signature) const;
    // Verifies a signature made by sign_sha256 (SignatureInvalid when it does not verify).
    PkiError verify_sha256(ByteView message, ByteView signature) const;
    // Ok when `other`'s public key is this private key's public key, else KeyMismatch.
    PkiError matches_public_key_of(const KeyPair& other, Drbg& rng) const;

    // The Mbed TLS context, for the other pki modules.
    mbedtls_pk_context* raw() { return pk_.get(); }
    const mbedtls_pk_context* raw() const { return pk_.get(); }
    // Copies the public part of an Mbed TLS context (used by certificates and CSRs).
    PkiError assign_public_from(const mbedtls_pk_context& pk);

private:
    void reset();
    Context<mbedtls_pk_context> pk_;
    bool has_private_ = false;
};

// Helpers shared by the parsers.
namespace detail {
bool looks_like_pem(ByteView input);
Bytes nul_terminated(ByteView input);
// What every reader refuses before parsing: empty input (MalformedInput), input over
// kMaxInputBytes (InputTooLarge). Ok otherwise.
PkiError check_input_size(ByteView input);
// Runs an Mbed TLS reader over `input` and returns its code: `parse(data, size, pem)` gets PEM text
// as a NUL-terminated copy (Mbed TLS's PEM readers need the terminator; the copy, which may hold a
// private key, is wiped afterwards) and DER as it is.
template <typename Parse>
int parse_pem_or_der(ByteView input, Parse&& parse) {
    if (!looks_like_pem(input)) return parse(input.data(), input.size(), false);
    Bytes text = nul_terminated(input);
    const int ret = parse(text.data(), text.size(), true);
    secure_wipe(text.data(), text.size());
    return ret;
}
// DER whose shape is an EncryptedPrivateKeyInfo (to say PasswordRequired instead of Malformed).
bool looks_like_encrypted_pkcs8(ByteView input);
// Checks that a parsed key is one we accept (RSA 2048..4096 bits, EC P-256).
PkiError check_supported_key(const mbedtls_pk_context& pk);
}  // namespace detail

}  // namespace cp::pki

namespace cp::pki::detail {
// PEM with the given label ("CERTIFICATE", "X509 CRL", ...), lines of 64, trailing newline.
PkiError pem_encode(ByteView der, const char* label, std::string& out);
PkiError pem_encode_secret(ByteView der, const char* label, SecretBytes& out);
}  // namespace cp::pki::detail
