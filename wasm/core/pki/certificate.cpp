// certportal pki: certificates and CSRs.
#include "pki/certificate.h"

#include <mbedtls/md.h>
#include <mbedtls/oid.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509_crt.h>
#include <mbedtls/x509_csr.h>

#include "pki/random.h"

namespace cp::pki {

namespace detail {

UnixTime from_x509_time(const mbedtls_x509_time& t) {
    CivilTime c;
    c.year = t.year;
    c.month = t.mon;
    c.day = t.day;
    c.hour = t.hour;
    c.minute = t.min;
    c.second = t.sec;
    return unix_from_civil(c);
}

// Verifies `signature` over SHA-256 / SHA-256-only data `tbs` with `key`. Only SHA-256 signatures
// are accepted (everything we issue; what the bank's CA accepts).
PkiError verify_signed_data(const mbedtls_pk_context& key, int md_int, int pk_type_int, const void* opts,
                            ByteView tbs, ByteView signature) {
    const auto md = static_cast<mbedtls_md_type_t>(md_int);
    const auto pk_type = static_cast<mbedtls_pk_type_t>(pk_type_int);
    if (md != MBEDTLS_MD_SHA256) return PkiError::UnsupportedAlgorithm;
    unsigned char hash[32];
    if (mbedtls_md(mbedtls_md_info_from_type(md), tbs.data(), tbs.size(), hash) != 0) {
        return PkiError::Internal;
    }
    const int ret = mbedtls_pk_verify_ext(pk_type, opts, const_cast<mbedtls_pk_context*>(&key), md, hash,
                                          sizeof hash, signature.data(), signature.size());
    if (ret == MBEDTLS_ERR_PK_TYPE_MISMATCH) return PkiError::SignatureInvalid;
    return ret == 0 ? PkiError::Ok : PkiError::SignatureInvalid;
}

}  // namespace detail

// --- Certificate -----------------------------------------------------------------------------

bool Certificate::empty() const { return crt_->raw.p == nullptr; }

PkiError Certificate::parse(ByteView input) {
    crt_.clear();
    if (const PkiError e = detail::check_input_size(input); e != PkiError::Ok) return e;
    const int ret = detail::parse_pem_or_der(input, [&](const unsigned char* data, std::size_t size, bool pem) {
        if (pem) return mbedtls_x509_crt_parse(crt_.get(), data, size);  // > 0: some failed
        const int der = mbedtls_x509_crt_parse_der(crt_.get(), data, size);
        // Mbed TLS ignores bytes after the certificate's SEQUENCE: we do not.
        return der == 0 && crt_->raw.len != size ? MBEDTLS_ERR_X509_INVALID_FORMAT : der;
    });
    if (ret != 0 || crt_->raw.p == nullptr || crt_->next != nullptr) {
        const bool unsupported = ret == MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG || ret == MBEDTLS_ERR_PK_UNKNOWN_PK_ALG;
        crt_.clear();
        return unsupported ? PkiError::UnsupportedAlgorithm : PkiError::MalformedInput;
    }
    return PkiError::Ok;
}

ByteView Certificate::der() const { return ByteView(crt_->raw.p, crt_->raw.len); }

PkiError Certificate::pem(std::string& out) const {
    if (empty()) return PkiError::InvalidArgument;
    return detail::pem_encode(der(), "CERTIFICATE", out);
}

Bytes Certificate::serial() const {
    ByteView s(crt_->serial.p, crt_->serial.len);
    while (s.size() > 1 && s[0] == 0) s = s.subspan(1);
    return Bytes(s.begin(), s.end());
}

std::string Certificate::serial_hex() const { return hex_lower(serial()); }
UnixTime Certificate::not_before() const { return detail::from_x509_time(crt_->valid_from); }
UnixTime Certificate::not_after() const { return detail::from_x509_time(crt_->valid_to); }
bool Certificate::is_ca() const { return crt_->MBEDTLS_PRIVATE(ca_istrue) != 0; }
std::string Certificate::subject() const { return detail::readable_name(&crt_->subject); }
std::string Certificate::issuer() const { return detail::readable_name(&crt_->issuer); }
ByteView Certificate::subject_der() const { return ByteView(crt_->subject_raw.p, crt_->subject_raw.len); }
ByteView Certificate::issuer_der() const { return ByteView(crt_->issuer_raw.p, crt_->issuer_raw.len); }
SubjectIdentity Certificate::subject_identity() const { return detail::read_identity(&crt_->subject); }

PkiError Certificate::public_key(KeyPair& out) const {
    if (empty()) return PkiError::InvalidArgument;
    return out.assign_public_from(crt_->pk);
}

std::string Certificate::sha256_fingerprint() const {
    unsigned char hash[32] = {};
    if (empty() || mbedtls_md(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), crt_->raw.p, crt_->raw.len, hash) != 0) {
        return {};
    }
    return hex_upper_colons(ByteView(hash, sizeof hash));
}

std::string Certificate::sha1_fingerprint() const {
    unsigned char hash[20] = {};
    if (empty() || mbedtls_md(mbedtls_md_info_from_type(MBEDTLS_MD_SHA1), crt_->raw.p, crt_->raw.len, hash) != 0) {
        return {};
    }
    return hex_upper_colons(ByteView(hash, sizeof hash));
}

std::string Certificate::key_usage_text() const {
    if (empty() || !mbedtls_x509_crt_has_ext_type(crt_.get(), MBEDTLS_X509_EXT_KEY_USAGE)) return {};
    // RFC 5280's order; Mbed TLS keeps the bits as the DER BIT STRING's first bytes.
    static constexpr struct {
        unsigned bit;
        const char* name;
    } kBits[] = {{MBEDTLS_X509_KU_DIGITAL_SIGNATURE, "digitalSignature"}, {MBEDTLS_X509_KU_NON_REPUDIATION, "nonRepudiation"},
                 {MBEDTLS_X509_KU_KEY_ENCIPHERMENT, "keyEncipherment"}, {MBEDTLS_X509_KU_DATA_ENCIPHERMENT, "dataEncipherment"},
                 {MBEDTLS_X509_KU_KEY_AGREEMENT, "keyAgreement"}, {MBEDTLS_X509_KU_KEY_CERT_SIGN, "keyCertSign"},
                 {MBEDTLS_X509_KU_CRL_SIGN, "cRLSign"}, {MBEDTLS_X509_KU_ENCIPHER_ONLY, "encipherOnly"},
                 {MBEDTLS_X509_KU_DECIPHER_ONLY, "decipherOnly"}};
    // The bits as the certificate has them (mbedtls_x509_crt_check_key_usage() answers whether a
    // use is allowed, and always allows encipherOnly / decipherOnly: not what the dialog shows).
    const unsigned bits = crt_->MBEDTLS_PRIVATE(key_usage);
    std::string out;
    for (const auto& b : kBits) {
        if ((bits & b.bit) == 0) continue;
        if (!out.empty()) out += ", ";
        out += b.name;
    }
    const unsigned first_byte = bits & 0xFFu;
    static constexpr char kHex[] = "0123456789abcdef";
    out += " (";
    out += kHex[(first_byte >> 4) & 0xFu];
    out += kHex[first_byte & 0xFu];
    out += ")";
    return out;
}

CertificateInfo describe_certificate(const Certificate& cert, std::string_view issue_number) {
    CertificateInfo info;
    info.issue_number = std::string(issue_number);
    if (cert.empty()) return info;
    info.serial_hex = cert.serial_hex();
    info.not_before = cert.not_before();
    info.not_after = cert.not_after();
    info.sha256_fingerprint = cert.sha256_fingerprint();
    info.sha1_fingerprint = cert.sha1_fingerprint();
    info.key_usage = cert.key_usage_text();
    info.subject = cert.subject();
    info.issuer = cert.issuer();
    info.common_name = cert.subject_identity().common_name;
    info.key_type = mbedtls_pk_get_type(&cert.raw()->pk) == MBEDTLS_PK_ECKEY ? KeyType::EcP256 : KeyType::Rsa2048;
    return info;
}

// --- CSR writing -----------------------------------------------------------------------------

PkiError create_csr(const KeyPair& key, const std::vector<NameAttribute>& subject, Drbg& rng, Bytes& der) {
    der.clear();
    if (!key.has_private_key() || subject.empty()) return PkiError::InvalidArgument;
    mbedtls_x509write_csr csr;
    mbedtls_x509write_csr_init(&csr);
    PkiError result = PkiError::Internal;
    mbedtls_asn1_named_data* names = detail::make_name_list(subject);
    if (names == nullptr) {
        result = PkiError::OutOfMemory;
    } else {
        csr.MBEDTLS_PRIVATE(subject) = names;  // owned by csr from here
        mbedtls_x509write_csr_set_key(&csr, const_cast<mbedtls_pk_context*>(key.raw()));
        mbedtls_x509write_csr_set_md_alg(&csr, MBEDTLS_MD_SHA256);
        Bytes buf(4096);
        const int len = mbedtls_x509write_csr_der(&csr, buf.data(), buf.size(), Drbg::rng_callback, rng.rng_context());
        if (len > 0) {
            der.assign(buf.end() - len, buf.end());
            result = PkiError::Ok;
        } else {
            result = PkiError::SigningFailed;
        }
    }
    mbedtls_x509write_csr_free(&csr);
    return result;
}

PkiError create_client_csr(const KeyPair& key, const ClientSubject& subject, Drbg& rng, Bytes& der) {
    der.clear();
    const PkiError valid = validate_client_subject(subject);
    if (valid != PkiError::Ok) return valid;
    return create_csr(key, client_subject_attributes(subject), rng, der);
}

// --- CSR parsing -----------------------------------------------------------------------------

PkiError Csr::parse_and_verify(ByteView input) {
    csr_.clear();
    parsed_ = false;
    if (const PkiError e = detail::check_input_size(input); e != PkiError::Ok) return e;
    const int ret = detail::parse_pem_or_der(input, [&](const unsigned char* data, std::size_t size, bool pem) {
        return pem ? mbedtls_x509_csr_parse(csr_.get(), data, size) : mbedtls_x509_csr_parse_der(csr_.get(), data, size);
    });
    if (ret != 0) {
        csr_.clear();
        return ret == MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG || ret == MBEDTLS_ERR_PK_UNKNOWN_PK_ALG
                   ? PkiError::UnsupportedAlgorithm
                   : PkiError::MalformedInput;
    }
    PkiError result = detail::check_supported_key(csr_->pk);
    if (result == PkiError::Ok) {
        // Proof of possession: the request is signed by the private key of the key it carries.
        result = detail::verify_signed_data(
            csr_->pk, static_cast<int>(csr_->MBEDTLS_PRIVATE(sig_md)), static_cast<int>(csr_->MBEDTLS_PRIVATE(sig_pk)), csr_->MBEDTLS_PRIVATE(sig_opts),
            ByteView(csr_->cri.p, csr_->cri.len), ByteView(csr_->MBEDTLS_PRIVATE(sig).p, csr_->MBEDTLS_PRIVATE(sig).len));
    }
    if (result != PkiError::Ok) {
        csr_.clear();
        return result;
    }
    parsed_ = true;
    return PkiError::Ok;
}

std::string Csr::subject() const { return parsed_ ? detail::readable_name(&csr_->subject) : std::string(); }
SubjectIdentity Csr::subject_identity() const { return detail::read_identity(&csr_->subject); }

PkiError Csr::public_key(KeyPair& out) const {
    if (!parsed_) return PkiError::InvalidArgument;
    return out.assign_public_from(csr_->pk);
}

}  // namespace cp::pki
