// certportal pki: key pairs and plain PKCS#8 (RFC 5208 PrivateKeyInfo).
#include "pki/key.h"

#include <mbedtls/ecp.h>
#include <mbedtls/md.h>
#include <mbedtls/oid.h>
#include <mbedtls/pem.h>
#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>

#include <cstring>
#include <string_view>
#include <utility>

#include "pki/der.h"
#include "pki/random.h"

namespace cp::pki {

const char* key_type_name(KeyType type) {
    switch (type) {
        case KeyType::Rsa2048: return "RSA-2048";
        case KeyType::EcP256: return "ECDSA P-256";
    }
    return "?";
}

namespace detail {

bool looks_like_pem(ByteView input) {
    static constexpr std::string_view kBegin = "-----BEGIN ";
    // Allow leading whitespace (files edited by hand).
    std::size_t i = 0;
    while (i < input.size() && (input[i] == ' ' || input[i] == '\n' || input[i] == '\r' || input[i] == '\t')) ++i;
    if (input.size() - i < kBegin.size()) return false;
    return std::memcmp(input.data() + i, kBegin.data(), kBegin.size()) == 0;
}

bool looks_like_encrypted_pkcs8(ByteView input) {
    // EncryptedPrivateKeyInfo ::= SEQUENCE { SEQUENCE (AlgorithmIdentifier), OCTET STRING };
    // a plain PrivateKeyInfo starts with INTEGER (version).
    der::Reader all(input);
    der::Reader info;
    der::Reader first;
    return all.next(der::kSequence, info) && info.next(der::kSequence, first);
}

Bytes nul_terminated(ByteView input) {
    Bytes out(input.begin(), input.end());
    out.push_back(0);
    return out;
}

PkiError check_input_size(ByteView input) {
    if (input.empty()) return PkiError::MalformedInput;
    return input.size() > kMaxInputBytes ? PkiError::InputTooLarge : PkiError::Ok;
}

PkiError check_supported_key(const mbedtls_pk_context& pk) {
    switch (mbedtls_pk_get_type(&pk)) {
        case MBEDTLS_PK_RSA:
            return mbedtls_pk_get_bitlen(&pk) == 2048 ? PkiError::Ok : PkiError::UnsupportedAlgorithm;
        case MBEDTLS_PK_ECKEY:
            return mbedtls_ecp_keypair_get_group_id(mbedtls_pk_ec(pk)) == MBEDTLS_ECP_DP_SECP256R1
                       ? PkiError::Ok
                       : PkiError::UnsupportedAlgorithm;
        default:
            return PkiError::UnsupportedAlgorithm;
    }
}

}  // namespace detail

KeyPair::KeyPair(KeyPair&& other) noexcept
    : pk_(std::move(other.pk_)), has_private_(std::exchange(other.has_private_, false)) {}

KeyPair& KeyPair::operator=(KeyPair&& other) noexcept {
    pk_ = std::move(other.pk_);
    has_private_ = std::exchange(other.has_private_, false);
    return *this;
}

void KeyPair::reset() {
    pk_.clear();
    has_private_ = false;
}

bool KeyPair::empty() const { return mbedtls_pk_get_type(pk_.get()) == MBEDTLS_PK_NONE; }

KeyType KeyPair::type() const {
    return mbedtls_pk_get_type(pk_.get()) == MBEDTLS_PK_ECKEY ? KeyType::EcP256 : KeyType::Rsa2048;
}

PkiError KeyPair::generate(KeyType type, Drbg& rng) {
    reset();
    int ret = 0;
    if (type == KeyType::Rsa2048) {
        ret = mbedtls_pk_setup(pk_.get(), mbedtls_pk_info_from_type(MBEDTLS_PK_RSA));
        if (ret == 0) {
            ret = mbedtls_rsa_gen_key(mbedtls_pk_rsa(*pk_.get()), Drbg::rng_callback, rng.rng_context(),
                                      2048, 65537);
        }
    } else {
        ret = mbedtls_pk_setup(pk_.get(), mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY));
        if (ret == 0) {
            ret = mbedtls_ecp_gen_key(MBEDTLS_ECP_DP_SECP256R1, mbedtls_pk_ec(*pk_.get()),
                                      Drbg::rng_callback, rng.rng_context());
        }
    }
    if (ret != 0) {
        reset();
        return ret == MBEDTLS_ERR_PK_ALLOC_FAILED ? PkiError::OutOfMemory : PkiError::KeyGenerationFailed;
    }
    has_private_ = true;
    return PkiError::Ok;
}

PkiError KeyPair::parse_private_key(ByteView input) {
    reset();
    if (const PkiError e = detail::check_input_size(input); e != PkiError::Ok) return e;
    Drbg rng;  // Mbed TLS uses it for blinding while checking EC keys
    if (rng.seed_from_entropy("pki.parse_private_key") != PkiError::Ok) return PkiError::RandomFailed;
    const int ret = detail::parse_pem_or_der(input, [&](const unsigned char* data, std::size_t size, bool) {
        return mbedtls_pk_parse_key(pk_.get(), data, size, nullptr, 0, Drbg::rng_callback, rng.rng_context());
    });
    if (ret == MBEDTLS_ERR_PK_PASSWORD_REQUIRED || (ret != 0 && detail::looks_like_encrypted_pkcs8(input))) {
        reset();
        return PkiError::PasswordRequired;
    }
    if (ret != 0) {
        reset();
        return ret == MBEDTLS_ERR_PK_UNKNOWN_PK_ALG ? PkiError::UnsupportedAlgorithm : PkiError::MalformedInput;
    }
    const PkiError supported = detail::check_supported_key(*pk_.get());
    if (supported != PkiError::Ok) {
        reset();
        return supported;
    }
    has_private_ = true;
    return PkiError::Ok;
}

PkiError KeyPair::parse_public_key(ByteView input) {
    reset();
    if (const PkiError e = detail::check_input_size(input); e != PkiError::Ok) return e;
    const int ret = detail::parse_pem_or_der(input, [&](const unsigned char* data, std::size_t size, bool) {
        return mbedtls_pk_parse_public_key(pk_.get(), data, size);
    });
    if (ret != 0) {
        reset();
        return PkiError::MalformedInput;
    }
    const PkiError supported = detail::check_supported_key(*pk_.get());
    if (supported != PkiError::Ok) {
        reset();
        return supported;
    }
    return PkiError::Ok;
}

PkiError KeyPair::write_pkcs8_der(SecretBytes& out) const {
    out.clear();
    if (!has_private_) return PkiError::InvalidArgument;
    // The inner key: RSAPrivateKey (PKCS#1) or ECPrivateKey (SEC1), written at the end of `inner`.
    constexpr std::size_t kInnerMax = 2048 + 64;
    SecretBytes scratch;
    scratch.reset_to_zeros(kInnerMax);
    std::uint8_t* base = scratch.mutable_data();
    const int len = mbedtls_pk_write_key_der(pk_.get(), base, kInnerMax);
    if (len <= 0) return PkiError::Internal;
    const ByteView inner(base + kInnerMax - static_cast<std::size_t>(len), static_cast<std::size_t>(len));

    // PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, privateKey OCTET STRING }
    der::DerWriter w(kInnerMax + 64);
    w.octet_string(inner);
    const std::size_t alg = w.size();
    if (type() == KeyType::EcP256) {
        w.oid(std::string_view(MBEDTLS_OID_EC_GRP_SECP256R1, MBEDTLS_OID_SIZE(MBEDTLS_OID_EC_GRP_SECP256R1)));
        w.oid(std::string_view(MBEDTLS_OID_EC_ALG_UNRESTRICTED, MBEDTLS_OID_SIZE(MBEDTLS_OID_EC_ALG_UNRESTRICTED)));
    } else {
        w.null();
        w.oid(std::string_view(MBEDTLS_OID_PKCS1_RSA, MBEDTLS_OID_SIZE(MBEDTLS_OID_PKCS1_RSA)));
    }
    w.wrap(alg, der::kSequence);
    w.integer(0);
    w.wrap(0, der::kSequence);
    if (!w.ok()) return PkiError::Internal;
    out.assign(w.view());
    return PkiError::Ok;
}

namespace {

PkiError der_to_pem(ByteView der, const char* label, SecretBytes& out) {
    const std::string header = std::string("-----BEGIN ") + label + "-----\n";
    const std::string footer = std::string("-----END ") + label + "-----\n";
    const std::size_t cap = der.size() * 4 / 3 + der.size() / 32 + header.size() + footer.size() + 16;
    SecretBytes buf;
    buf.reset_to_zeros(cap);
    std::size_t olen = 0;
    const int ret = mbedtls_pem_write_buffer(header.c_str(), footer.c_str(), der.data(), der.size(),
                                             buf.mutable_data(), cap, &olen);
    if (ret != 0 || olen == 0) return PkiError::Internal;
    out.assign(buf.view().first(olen - 1));  // without the terminating NUL
    return PkiError::Ok;
}

}  // namespace

namespace detail {
PkiError pem_encode(ByteView der, const char* label, std::string& out) {
    SecretBytes pem;
    const PkiError e = der_to_pem(der, label, pem);
    if (e != PkiError::Ok) return e;
    out = to_string(pem.view());
    return PkiError::Ok;
}
PkiError pem_encode_secret(ByteView der, const char* label, SecretBytes& out) {
    return der_to_pem(der, label, out);
}
}  // namespace detail

PkiError KeyPair::write_pkcs8_pem(SecretBytes& out) const {
    SecretBytes der;
    const PkiError e = write_pkcs8_der(der);
    if (e != PkiError::Ok) return e;
    return der_to_pem(der.view(), "PRIVATE KEY", out);
}

PkiError KeyPair::write_public_der(Bytes& out) const {
    out.clear();
    if (empty()) return PkiError::InvalidArgument;
    Bytes buf(1024);
    const int len = mbedtls_pk_write_pubkey_der(pk_.get(), buf.data(), buf.size());
    if (len <= 0) return PkiError::Internal;
    out.assign(buf.end() - len, buf.end());
    return PkiError::Ok;
}

PkiError KeyPair::write_public_pem(std::string& out) const {
    Bytes der;
    const PkiError e = write_public_der(der);
    if (e != PkiError::Ok) return e;
    return detail::pem_encode(der, "PUBLIC KEY", out);
}

namespace {
bool sha256(ByteView message, std::uint8_t (&hash)[32]) {
    return mbedtls_md(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), message.data(), message.size(),
                      hash) == 0;
}
}  // namespace

PkiError KeyPair::sign_sha256(ByteView message, Drbg& rng, Bytes& signature) const {
    signature.clear();
    if (!has_private_) return PkiError::InvalidArgument;
    std::uint8_t hash[32];
    if (!sha256(message, hash)) return PkiError::Internal;
    Bytes sig(MBEDTLS_PK_SIGNATURE_MAX_SIZE);
    std::size_t sig_len = 0;
    const int ret = mbedtls_pk_sign(pk_.get(), MBEDTLS_MD_SHA256, hash, sizeof hash, sig.data(), sig.size(),
                                    &sig_len, Drbg::rng_callback, rng.rng_context());
    if (ret != 0) return PkiError::SigningFailed;
    sig.resize(sig_len);
    signature = std::move(sig);
    return PkiError::Ok;
}

PkiError KeyPair::verify_sha256(ByteView message, ByteView signature) const {
    if (empty()) return PkiError::InvalidArgument;
    std::uint8_t hash[32];
    if (!sha256(message, hash)) return PkiError::Internal;
    const int ret = mbedtls_pk_verify(pk_.get(), MBEDTLS_MD_SHA256, hash, sizeof hash, signature.data(),
                                      signature.size());
    return ret == 0 ? PkiError::Ok : PkiError::SignatureInvalid;
}

PkiError KeyPair::matches_public_key_of(const KeyPair& other, Drbg& rng) const {
    if (!has_private_ || other.empty()) return PkiError::InvalidArgument;
    const int ret = mbedtls_pk_check_pair(other.pk_.get(), pk_.get(), Drbg::rng_callback, rng.rng_context());
    return ret == 0 ? PkiError::Ok : PkiError::KeyMismatch;
}

PkiError KeyPair::assign_public_from(const mbedtls_pk_context& pk) {
    Bytes buf(1024);
    const int len = mbedtls_pk_write_pubkey_der(const_cast<mbedtls_pk_context*>(&pk), buf.data(), buf.size());
    if (len <= 0) return PkiError::MalformedInput;
    return parse_public_key(ByteView(buf.data() + buf.size() - static_cast<std::size_t>(len),
                                     static_cast<std::size_t>(len)));
}

}  // namespace cp::pki
