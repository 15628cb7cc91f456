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

bool is_oid(const der::Reader& oid, std::string_view want) {
    const ByteView v = oid.bytes();
    return v.size() == want.size() && std::memcmp(v.data(), want.data(), v.size()) == 0;
}

struct ParsedEpki {
    mbedtls_asn1_buf pbes2_params{};  // tag SEQUENCE, p = content, len = content length
    ByteView ciphertext;
    unsigned iterations = 0;
};

// EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
PkiError parse_epki(ByteView der_bytes, ParsedEpki& out) {
    der::Reader all(der_bytes);
    der::Reader epki;
    if (!all.next(der::kSequence, epki) || !all.at_end()) return PkiError::MalformedInput;
    der::Reader alg;
    if (!epki.next(der::kSequence, alg)) return PkiError::MalformedInput;  // (an INTEGER: plain PKCS#8)
    der::Reader data;
    if (!epki.next(der::kOctetString, data) || !epki.at_end() || data.size() == 0) return PkiError::MalformedInput;
    out.ciphertext = data.bytes();

    der::Reader oid;
    if (!alg.next(der::kOid, oid)) return PkiError::MalformedInput;
    if (!is_oid(oid, CP_OID_VIEW(MBEDTLS_OID_PKCS5_PBES2))) return PkiError::UnsupportedAlgorithm;
    der::Reader params;
    if (!alg.next(der::kSequence, params) || !alg.at_end()) return PkiError::MalformedInput;
    out.pbes2_params.tag = MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE;
    out.pbes2_params.p = const_cast<unsigned char*>(params.bytes().data());
    out.pbes2_params.len = params.size();

    // keyDerivationFunc: read the iteration count to cap it before any work.
    der::Reader kdf;
    if (!params.next(der::kSequence, kdf)) return PkiError::MalformedInput;
    if (!kdf.next(der::kOid, oid)) return PkiError::MalformedInput;
    if (!is_oid(oid, CP_OID_VIEW(MBEDTLS_OID_PKCS5_PBKDF2))) return PkiError::UnsupportedAlgorithm;
    der::Reader pbkdf2;
    if (!kdf.next(der::kSequence, pbkdf2)) return PkiError::MalformedInput;
    der::Reader salt;
    if (!pbkdf2.next(der::kOctetString, salt)) return PkiError::MalformedInput;
    der::Reader count;
    if (!pbkdf2.next(der::kInteger, count)) return PkiError::MalformedInput;
    const ByteView it = count.bytes();
    if (it.empty() || it.size() > 5 || (it[0] & 0x80)) return PkiError::MalformedInput;
    std::uint64_t iterations = 0;
    for (const std::uint8_t b : it) iterations = (iterations << 8) | b;
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
    der::Reader params_reader(params_tlv);
    der::Reader content;
    if (!params_reader.next(der::kSequence, content)) return PkiError::Internal;
    mbedtls_asn1_buf pbe{};
    pbe.tag = MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE;
    pbe.p = const_cast<unsigned char*>(content.bytes().data());
    pbe.len = content.size();

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
    if (const PkiError e = detail::check_input_size(input); e != PkiError::Ok) return e;
    Bytes der_bytes;
    const int read = detail::parse_pem_or_der(input, [&](const unsigned char* data, std::size_t size, bool pem) {
        if (!pem) {
            der_bytes.assign(data, data + size);
            return 0;
        }
        mbedtls_pem_context ctx;
        mbedtls_pem_init(&ctx);
        std::size_t used = 0;
        const int ret = mbedtls_pem_read_buffer(&ctx, "-----BEGIN ENCRYPTED PRIVATE KEY-----",
                                                "-----END ENCRYPTED PRIVATE KEY-----", data, nullptr, 0, &used);
        if (ret == 0) {
            std::size_t len = 0;
            const unsigned char* buf = mbedtls_pem_get_buffer(&ctx, &len);
            der_bytes.assign(buf, buf + len);
        }
        mbedtls_pem_free(&ctx);
        return ret;
    });
    if (read != 0) return PkiError::MalformedInput;
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
