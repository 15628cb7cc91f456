// certportal pki: certificate authority (certificate writing on Mbed TLS x509write_crt).
#include "pki/ca.h"

#include <mbedtls/asn1.h>
#include <mbedtls/oid.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509_crt.h>

#include "pki/random.h"

namespace cp::pki {

PkiError random_serial(Drbg& rng, Bytes& serial) {
    serial.assign(16, 0);
    const PkiError e = rng.random(serial);
    if (e != PkiError::Ok) return e;
    if (serial[0] == 0) serial[0] = 1;  // exactly 128 bits; the writer adds the sign byte if needed
    return PkiError::Ok;
}

namespace {

enum class Profile { Root, Subordinate, Client, Server };

struct CertSpec {
    Profile profile = Profile::Client;
    const KeyPair* subject_key = nullptr;           // public key to certify
    const KeyPair* issuer_key = nullptr;            // private key that signs
    const Certificate* issuer_cert = nullptr;       // null for a self-signed root
    std::vector<NameAttribute> subject;
    std::string dns_name;  // Server: the subjectAltName dNSName
    UnixTime not_before = 0;
    UnixTime not_after = 0;
};

PkiError write_certificate(const CertSpec& spec, Drbg& rng, Bytes& der) {
    der.clear();
    if (spec.not_before < kMinX509Time || spec.not_after > kMaxX509Time || spec.not_after <= spec.not_before) {
        return PkiError::InvalidArgument;
    }
    Bytes serial;
    PkiError result = random_serial(rng, serial);
    if (result != PkiError::Ok) return result;

    mbedtls_x509write_cert crt;
    mbedtls_x509write_crt_init(&crt);
    result = PkiError::Internal;
    mbedtls_asn1_sequence eku = {};
    do {
        crt.MBEDTLS_PRIVATE(subject) = detail::make_name_list(spec.subject);
        crt.MBEDTLS_PRIVATE(issuer) = spec.issuer_cert != nullptr
                                          ? detail::copy_name_list(&spec.issuer_cert->raw()->subject)
                                          : detail::make_name_list(spec.subject);
        if (crt.MBEDTLS_PRIVATE(subject) == nullptr || crt.MBEDTLS_PRIVATE(issuer) == nullptr) {
            result = PkiError::OutOfMemory;
            break;
        }
        mbedtls_x509write_crt_set_version(&crt, MBEDTLS_X509_CRT_VERSION_3);
        mbedtls_x509write_crt_set_md_alg(&crt, MBEDTLS_MD_SHA256);
        mbedtls_x509write_crt_set_subject_key(&crt, const_cast<mbedtls_pk_context*>(spec.subject_key->raw()));
        mbedtls_x509write_crt_set_issuer_key(&crt, const_cast<mbedtls_pk_context*>(spec.issuer_key->raw()));
        if (mbedtls_x509write_crt_set_serial_raw(&crt, serial.data(), serial.size()) != 0) break;
        const std::string from = x509_time_string(spec.not_before);
        const std::string to = x509_time_string(spec.not_after);
        if (mbedtls_x509write_crt_set_validity(&crt, from.c_str(), to.c_str()) != 0) break;

        const bool ca = spec.profile == Profile::Root || spec.profile == Profile::Subordinate;
        const int path_len = spec.profile == Profile::Subordinate ? 0 : -1;
        if (mbedtls_x509write_crt_set_basic_constraints(&crt, ca ? 1 : 0, path_len) != 0) break;
        if (mbedtls_x509write_crt_set_subject_key_identifier(&crt) != 0) break;
        // AKI from the issuer key: for a root that is its own key (RFC 5280 allows it).
        if (mbedtls_x509write_crt_set_authority_key_identifier(&crt) != 0) break;
        const unsigned int usage = ca ? (MBEDTLS_X509_KU_KEY_CERT_SIGN | MBEDTLS_X509_KU_CRL_SIGN)
                                      : MBEDTLS_X509_KU_DIGITAL_SIGNATURE;
        if (mbedtls_x509write_crt_set_key_usage(&crt, usage) != 0) break;
        if (!ca) {
            const bool server = spec.profile == Profile::Server;
            eku.buf.tag = MBEDTLS_ASN1_OID;
            eku.buf.p = reinterpret_cast<unsigned char*>(
                const_cast<char*>(server ? MBEDTLS_OID_SERVER_AUTH : MBEDTLS_OID_CLIENT_AUTH));
            eku.buf.len = server ? MBEDTLS_OID_SIZE(MBEDTLS_OID_SERVER_AUTH) : MBEDTLS_OID_SIZE(MBEDTLS_OID_CLIENT_AUTH);
            eku.next = nullptr;
            if (mbedtls_x509write_crt_set_ext_key_usage(&crt, &eku) != 0) break;
        }
        if (spec.profile == Profile::Server) {
            mbedtls_x509_san_list san = {};
            san.node.type = MBEDTLS_X509_SAN_DNS_NAME;
            san.node.san.unstructured_name.tag = MBEDTLS_ASN1_IA5_STRING;
            san.node.san.unstructured_name.p =
                reinterpret_cast<unsigned char*>(const_cast<char*>(spec.dns_name.data()));
            san.node.san.unstructured_name.len = spec.dns_name.size();
            if (mbedtls_x509write_crt_set_subject_alternative_name(&crt, &san) != 0) break;
        }
        Bytes buf(4096);
        const int len = mbedtls_x509write_crt_der(&crt, buf.data(), buf.size(), Drbg::rng_callback, rng.rng_context());
        if (len <= 0) {
            result = PkiError::SigningFailed;
            break;
        }
        der.assign(buf.end() - len, buf.end());
        result = PkiError::Ok;
    } while (false);
    mbedtls_x509write_crt_free(&crt);  // frees the name lists too
    return result;
}

UnixTime add_days(UnixTime t, int days) { return t + static_cast<UnixTime>(days) * kSecondsPerDay; }

// Writes the CA certificate `spec` describes and reads it back as the CA's Certificate.
PkiError write_ca_certificate(const CertSpec& spec, Drbg& rng, Certificate& out) {
    Bytes der;
    const PkiError e = write_certificate(spec, rng, der);
    if (e != PkiError::Ok) return e;
    return out.parse(der) == PkiError::Ok ? PkiError::Ok : PkiError::Internal;  // we just wrote it
}

}  // namespace

PkiError CertificateAuthority::create_root(const CaSubject& subject, KeyType key_type, UnixTime not_before,
                                           int validity_years, Drbg& rng) {
    return create(nullptr, subject, key_type, not_before, validity_years, rng);
}

PkiError CertificateAuthority::create_subordinate(const CertificateAuthority& parent, const CaSubject& subject,
                                                  KeyType key_type, UnixTime not_before, int validity_years,
                                                  Drbg& rng) {
    if (parent.empty()) return PkiError::InvalidArgument;
    return create(&parent, subject, key_type, not_before, validity_years, rng);
}

PkiError CertificateAuthority::create(const CertificateAuthority* parent, const CaSubject& subject,
                                      KeyType key_type, UnixTime not_before, int validity_years, Drbg& rng) {
    if (subject.common_name.empty() || !is_valid_utf8(subject.common_name) || validity_years <= 0) {
        return PkiError::InvalidArgument;
    }
    KeyPair key;
    const PkiError e = key.generate(key_type, rng);
    if (e != PkiError::Ok) return e;
    CertSpec spec;
    spec.profile = parent == nullptr ? Profile::Root : Profile::Subordinate;
    spec.subject_key = &key;
    spec.issuer_key = parent == nullptr ? &key : &parent->key_;
    spec.issuer_cert = parent == nullptr ? nullptr : &parent->certificate_;
    spec.subject = ca_subject_attributes(subject);
    spec.not_before = not_before;
    spec.not_after = add_years(not_before, validity_years);
    Certificate cert;
    const PkiError w = write_ca_certificate(spec, rng, cert);
    if (w != PkiError::Ok) return w;
    certificate_ = std::move(cert);
    key_ = std::move(key);
    return PkiError::Ok;
}

PkiError CertificateAuthority::load(ByteView certificate, ByteView private_key, Drbg& rng) {
    Certificate cert;
    PkiError e = cert.parse(certificate);
    if (e != PkiError::Ok) return e;
    if (!cert.is_ca() || mbedtls_x509_crt_check_key_usage(cert.raw(), MBEDTLS_X509_KU_KEY_CERT_SIGN) != 0) {
        return PkiError::NotACertificateAuthority;
    }
    KeyPair key;
    e = key.parse_private_key(private_key);
    if (e != PkiError::Ok) return e;
    KeyPair pub;
    e = cert.public_key(pub);
    if (e != PkiError::Ok) return e;
    e = key.matches_public_key_of(pub, rng);
    if (e != PkiError::Ok) return e;
    certificate_ = std::move(cert);
    key_ = std::move(key);
    return PkiError::Ok;
}

PkiError CertificateAuthority::export_pem(std::string& certificate_pem, SecretBytes& private_key_pem) const {
    if (empty()) return PkiError::InvalidArgument;
    PkiError e = certificate_.pem(certificate_pem);
    if (e != PkiError::Ok) return e;
    return key_.write_pkcs8_pem(private_key_pem);
}

PkiError CertificateAuthority::issue_client_certificate(ByteView csr_bytes, const ClientSubject& subject,
                                                        const IssueOptions& options, Drbg& rng,
                                                        Bytes& certificate_der) const {
    certificate_der.clear();
    if (empty()) return PkiError::InvalidArgument;
    PkiError e = validate_client_subject(subject);
    if (e != PkiError::Ok) return e;
    if (options.validity_days < 0) return PkiError::InvalidArgument;
    Csr csr;
    e = csr.parse_and_verify(csr_bytes);  // proof of possession
    if (e != PkiError::Ok) return e;
    KeyPair subject_key;
    e = csr.public_key(subject_key);
    if (e != PkiError::Ok) return e;
    CertSpec spec;
    spec.profile = Profile::Client;
    spec.subject_key = &subject_key;
    spec.issuer_key = &key_;
    spec.issuer_cert = &certificate_;
    spec.subject = client_subject_attributes(subject);
    spec.not_before = options.not_before;
    spec.not_after = options.validity_days == 0 ? add_years(options.not_before, 1)
                                                : add_days(options.not_before, options.validity_days);
    return write_certificate(spec, rng, certificate_der);
}

PkiError CertificateAuthority::issue_server_certificate(const KeyPair& server_key, const std::string& host_name,
                                                        const IssueOptions& options, Drbg& rng,
                                                        Bytes& certificate_der) const {
    certificate_der.clear();
    if (empty() || server_key.empty() || options.validity_days < 0) return PkiError::InvalidArgument;
    // A DNS name (RFC 1035 letters, digits, hyphens and dots): it is both CN and dNSName.
    if (host_name.empty() || host_name.size() > 253) return PkiError::InvalidArgument;
    for (const char c : host_name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ok) return PkiError::InvalidArgument;
    }
    CertSpec spec;
    spec.profile = Profile::Server;
    spec.subject_key = &server_key;
    spec.issuer_key = &key_;
    spec.issuer_cert = &certificate_;
    spec.subject = {NameAttribute{std::string(MBEDTLS_OID_AT_CN, MBEDTLS_OID_SIZE(MBEDTLS_OID_AT_CN)),
                                  MBEDTLS_ASN1_UTF8_STRING, host_name}};
    spec.dns_name = host_name;
    spec.not_before = options.not_before;
    spec.not_after = options.validity_days == 0 ? add_years(options.not_before, 1)
                                                : add_days(options.not_before, options.validity_days);
    return write_certificate(spec, rng, certificate_der);
}

PkiError create_ca_hierarchy(const CaSetup& setup, UnixTime now, Drbg& rng, CaHierarchy& out) {
    CaSubject root_subject;
    root_subject.common_name = setup.ca_name + " ルートCA";
    root_subject.organization = setup.organization;
    CaSubject issuing_subject;
    issuing_subject.common_name = setup.ca_name;
    issuing_subject.organization = setup.organization;
    CaHierarchy h;
    PkiError e = h.root.create_root(root_subject, setup.key_type, now, setup.root_validity_years, rng);
    if (e != PkiError::Ok) return e;
    e = h.issuing.create_subordinate(h.root, issuing_subject, setup.key_type, now, setup.issuing_validity_years, rng);
    if (e != PkiError::Ok) return e;
    out = std::move(h);
    return PkiError::Ok;
}

}  // namespace cp::pki
