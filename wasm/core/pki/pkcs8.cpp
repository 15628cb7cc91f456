// certportal pki: encrypted PKCS#8 writer and reader.
#include "pki/pkcs8.h"

#include <mbedtls/asn1.h>
#include <mbedtls/oid.h>
#include <mbedtls/pem.h>
#include <mbedtls/pkcs5.h>

#include <cstring>

#include "pki/der.h"
#include "pki/key.h"
#include "pki/random.h"

namespace cp::pki {
namespace {

#define CP_OID_VIEW(x) std::string_view(x, MBEDTLS_OID_SIZE(x))

// PBES2-params ::= SEQUENCE { keyDerivationFunc, encryptionScheme } (full TLV).
void write_pbes2_params(der::DerWriter& w, ByteView salt, unsigned iterations, ByteView iv) {
    const std::size_t params = w.size();
    {  // encryptionScheme: aes256-CBC with the IV as parameter
        const std::size_t m = w.size();
        w.octet_string(iv);
        w.oid(CP_OID_VIEW(MBEDTLS_OID_AES_256_CBC));
        w.wrap(m, der::kSequence);
    }
    {  // keyDerivationFunc: PBKDF2 { salt, iterationCount, prf hmacWithSHA256 }
        const std::size_t m = w.size();
        const std::size_t p = w.size();
        const std::size_t prf = w.size();
        w.null();
        w.oid(CP_OID_VIEW(MBEDTLS_OID_HMAC_SHA256));
        w.wrap(prf, der::kSequence);
        w.integer(static_cast<int>(iterations));
        w.octet_string(salt);
        w.wrap(p, der::kSequence);
        w.oid(CP_OID_VIEW(MBEDTLS_OID_PKCS5_PBKDF2));
        w.wrap(m, der::kSequence);
    }
    w.wrap(params, der::kSequence);
}

bool next(const std::uint8_t*& p, const std::uint8_t* end, std::uint8_t want, const std::uint8_t*& c, std::size_t& len) {
    std::uint8_t tag = 0;
    return der::read_tlv(p, end, tag, c, len) && tag == want;
}

bool oid_equals(const std::uint8_t* c, std::size_t len, std::string_view oid) {
    return len == oid.size() && std::memcmp(c, oid.data(), len) == 0;
}

struct ParsedEpki {
    mbedtls_asn1_buf pbes2_params{};  // tag SEQUENCE, p = content, len = content length
    ByteView ciphertext;
    unsigned iterations = 0;
};

// EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
PkiError parse_epki(ByteView der_bytes, ParsedEpki& out) {
    const std::uint8_t* p = der_bytes.data();
    const std::uint8_t* end = p + der_bytes.size();
    const std::uint8_t* c = nullptr;
    std::size_t len = 0;
    if (!next(p, end, der::kSequence, c, len) || p != end) return PkiError::MalformedInput;
    const std::uint8_t* q = c;
    const std::uint8_t* q_end = c + len;
    const std::uint8_t* alg = nullptr;
    std::size_t alg_len = 0;
    if (!next(q, q_end, der::kSequence, alg, alg_len)) return PkiError::MalformedInput;  // (an INTEGER: plain PKCS#8)
    const std::uint8_t* data = nullptr;
    std::size_t data_len = 0;
    if (!next(q, q_end, der::kOctetString, data, data_len) || q != q_end || data_len == 0) return PkiError::MalformedInput;
    out.ciphertext = ByteView(data, data_len);

    const std::uint8_t* a = alg;
    const std::uint8_t* a_end = alg + alg_len;
    const std::uint8_t* oid = nullptr;
    std::size_t oid_len = 0;
    if (!next(a, a_end, der::kOid, oid, oid_len)) return PkiError::MalformedInput;
    if (!oid_equals(oid, oid_len, CP_OID_VIEW(MBEDTLS_OID_PKCS5_PBES2))) return PkiError::UnsupportedAlgorithm;
    const std::uint8_t* params = nullptr;
    std::size_t params_len = 0;
    if (!next(a, a_end, der::kSequence, params, params_len) || a != a_end) return PkiError::MalformedInput;
    out.pbes2_params.tag = MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE;
    out.pbes2_params.p = const_cast<unsigned char*>(params);
    out.pbes2_params.len = params_len;

    // keyDerivationFunc: read the iteration count to cap it before any work.
    const std::uint8_t* k = params;
    const std::uint8_t* k_end = params + params_len;
    const std::uint8_t* kdf = nullptr;
    std::size_t kdf_len = 0;
    if (!next(k, k_end, der::kSequence, kdf, kdf_len)) return PkiError::MalformedInput;
    const std::uint8_t* f = kdf;
    const std::uint8_t* f_end = kdf + kdf_len;
    if (!next(f, f_end, der::kOid, oid, oid_len)) return PkiError::MalformedInput;
    if (!oid_equals(oid, oid_len, CP_OID_VIEW(MBEDTLS_OID_PKCS5_PBKDF2))) return PkiError::UnsupportedAlgorithm;
    const std::uint8_t* pb = nullptr;
    std::size_t pb_len = 0;
    if (!next(f, f_end, der::kSequence, pb, pb_len)) return PkiError::MalformedInput;
    const std::uint8_t* s = pb;
    const std::uint8_t* s_end = pb + pb_len;
    const std::uint8_t* salt = nullptr;
    std::size_t salt_len = 0;
    if (!next(s, s_end, der::kOctetString, salt, salt_len)) return PkiError::MalformedInput;
    const std::uint8_t* it = nullptr;
    std::size_t it_len = 0;
    if (!next(s, s_end, der::kInteger, it, it_len) || it_len == 0 || it_len > 5 || (it[0] & 0x80)) {
        return PkiError::MalformedInput;
    }
    std::uint64_t iterations = 0;
    for (std::size_t i = 0; i < it_len; ++i) iterations = (iterations << 8) | it[i];
    if (iterations == 0) return PkiError::MalformedInput;
    out.iterations = iterations > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<unsigned>(iterations);
    return PkiError::Ok;
}

}  // namespace

PkiError write_encrypted_pkcs8_der(const KeyPair& key, std::string_view password, unsigned iterations, Drbg& rng,
                                   Bytes& out) {
    out.clear();
    if (!key.has_private_key() || password.empty() || iterations == 0 || iterations > kMaxPbkdf2Iterations) {
        return PkiError::InvalidArgument;
    }
    SecretBytes plain;
    PkiError e = key.write_pkcs8_der(plain);
    if (e != PkiError::Ok) return e;
    std::uint8_t salt[16];
    std::uint8_t iv[16];
    if (rng.random(salt) != PkiError::Ok || rng.random(iv) != PkiError::Ok) return PkiError::RandomFailed;

    der::DerWriter params_writer(256);
    write_pbes2_params(params_writer, salt, iterations, iv);
    if (!params_writer.ok()) return PkiError::Internal;
    const ByteView params_tlv = params_writer.view();
    // The PBES2-params content (after its tag and length) for Mbed TLS.
    const std::uint8_t* p = params_tlv.data();
    const std::uint8_t* content = nullptr;
    std::size_t content_len = 0;
    std::uint8_t tag = 0;
    if (!der::read_tlv(p, params_tlv.data() + params_tlv.size(), tag, content, content_len)) return PkiError::Internal;
    mbedtls_asn1_buf pbe{};
    pbe.tag = MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE;
    pbe.p = const_cast<unsigned char*>(content);
    pbe.len = content_len;

    Bytes cipher(plain.size() + 16);
    std::size_t cipher_len = 0;
    const int ret = mbedtls_pkcs5_pbes2_ext(&pbe, MBEDTLS_PKCS5_ENCRYPT,
                                            reinterpret_cast<const unsigned char*>(password.data()), password.size(),
                                            plain.data(), plain.size(), cipher.data(), cipher.size(), &cipher_len);
    if (ret != 0) return PkiError::Internal;
    cipher.resize(cipher_len);

    der::DerWriter w(cipher.size() + 400);
    w.octet_string(cipher);
    const std::size_t alg = w.size();
    w.raw(params_tlv);
    w.oid(CP_OID_VIEW(MBEDTLS_OID_PKCS5_PBES2));
    w.wrap(alg, der::kSequence);
    w.wrap(0, der::kSequence);
    if (!w.ok()) return PkiError::Internal;
    out = w.take();
    return PkiError::Ok;
}

PkiError write_encrypted_pkcs8_pem(const KeyPair& key, std::string_view password, unsigned iterations, Drbg& rng,
                                   std::string& pem) {
    Bytes der;
    const PkiError e = write_encrypted_pkcs8_der(key, password, iterations, rng, der);
    if (e != PkiError::Ok) return e;
    return detail::pem_encode(der, "ENCRYPTED PRIVATE KEY", pem);
}

PkiError read_encrypted_pkcs8(ByteView input, std::string_view password, KeyPair& key, unsigned max_iterations) {
    if (input.empty()) return PkiError::MalformedInput;
    if (input.size() > kMaxInputBytes) return PkiError::InputTooLarge;
    Bytes der_bytes;
    if (detail::looks_like_pem(input)) {
        const Bytes text = detail::nul_terminated(input);
        mbedtls_pem_context pem;
        mbedtls_pem_init(&pem);
        std::size_t used = 0;
        const int ret = mbedtls_pem_read_buffer(&pem, "-----BEGIN ENCRYPTED PRIVATE KEY-----",
                                                "-----END ENCRYPTED PRIVATE KEY-----", text.data(), nullptr, 0, &used);
        if (ret == 0) {
            std::size_t len = 0;
            const unsigned char* buf = mbedtls_pem_get_buffer(&pem, &len);
            der_bytes.assign(buf, buf + len);
        }
        mbedtls_pem_free(&pem);
        if (ret != 0) return PkiError::MalformedInput;
    } else {
        der_bytes.assign(input.begin(), input.end());
    }
    ParsedEpki epki;
    PkiError e = parse_epki(der_bytes, epki);
    if (e != PkiError::Ok) return e;
    if (epki.iterations > max_iterations) return PkiError::UnsupportedAlgorithm;
    if (password.empty()) return PkiError::PasswordRequired;

    SecretBytes plain;
    plain.reset_to_zeros(epki.ciphertext.size() + 16);
    std::size_t plain_len = 0;
    const int ret = mbedtls_pkcs5_pbes2_ext(&epki.pbes2_params, MBEDTLS_PKCS5_DECRYPT,
                                            reinterpret_cast<const unsigned char*>(password.data()), password.size(),
                                            epki.ciphertext.data(), epki.ciphertext.size(), plain.mutable_data(),
                                            plain.size(), &plain_len);
    if (ret == MBEDTLS_ERR_PKCS5_PASSWORD_MISMATCH) return PkiError::WrongPassword;
    if (ret == MBEDTLS_ERR_PKCS5_FEATURE_UNAVAILABLE) return PkiError::UnsupportedAlgorithm;
    if (ret != 0) return PkiError::MalformedInput;
    KeyPair parsed;
    e = parsed.parse_private_key(plain.view().first(plain_len));
    // Padding that happens to look valid under a wrong password leaves garbage, not a key.
    if (e == PkiError::MalformedInput) return PkiError::WrongPassword;
    if (e != PkiError::Ok) return e;
    key = std::move(parsed);
    return PkiError::Ok;
}

}  // namespace cp::pki
