// certportal pki: CRL writer (on Mbed TLS asn1write) and reader (on Mbed TLS x509_crl).
#include "pki/crl.h"

#include <mbedtls/md.h>
#include <mbedtls/oid.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509_crl.h>
#include <mbedtls/x509_crt.h>

#include <cstring>
#include <string_view>

#include "pki/ca.h"
#include "pki/certificate.h"
#include "pki/der.h"
#include "pki/random.h"

namespace cp::pki {
namespace {

constexpr std::string_view kOidCrlNumber("\x55\x1d\x14", 3);      // 2.5.29.20
constexpr std::string_view kOidReasonCode("\x55\x1d\x15", 3);     // 2.5.29.21
constexpr std::string_view kOidAuthorityKeyId("\x55\x1d\x23", 3); // 2.5.29.35

// Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE (omitted), extnValue OCTET STRING }
// `value_mark` is w.size() before the extnValue's contents were written.
void close_extension(der::DerWriter& w, std::size_t ext_mark, std::size_t value_mark, std::string_view oid) {
    w.wrap(value_mark, der::kOctetString);
    w.oid(oid);
    w.wrap(ext_mark, der::kSequence);
}

Bytes u64_magnitude(std::uint64_t v) {
    Bytes out;
    do {
        out.insert(out.begin(), static_cast<std::uint8_t>(v & 0xFF));
        v >>= 8;
    } while (v != 0);
    return out;
}

}  // namespace

bool is_valid_revocation_reason(int value) { return value >= 0 && value <= 10 && value != 7; }

PkiError write_crl(const CertificateAuthority& issuer, const CrlContents& c, Drbg& rng, Bytes& out) {
    out.clear();
    if (issuer.empty() || !issuer.key().has_private_key()) return PkiError::InvalidArgument;
    if (c.this_update < kMinX509Time || c.next_update > kMaxX509Time || c.next_update <= c.this_update ||
        c.crl_number == 0) {
        return PkiError::InvalidArgument;
    }
    for (const RevokedCertificate& r : c.revoked) {
        if (r.serial.empty() || r.serial.size() > 20 || r.revocation_date < kMinX509Time ||
            r.revocation_date > kMaxX509Time || !is_valid_revocation_reason(static_cast<int>(r.reason))) {
            return PkiError::InvalidArgument;
        }
    }
    const mbedtls_x509_crt* ca = issuer.certificate().raw();
    const mbedtls_pk_type_t pk_type = mbedtls_pk_get_type(issuer.key().raw());
    const char* sig_oid = nullptr;
    std::size_t sig_oid_len = 0;
    if (mbedtls_oid_get_oid_by_sig_alg(pk_type == MBEDTLS_PK_ECKEY ? MBEDTLS_PK_ECDSA : pk_type, MBEDTLS_MD_SHA256,
                                       &sig_oid, &sig_oid_len) != 0) {
        return PkiError::UnsupportedAlgorithm;
    }
    const std::size_t capacity = 1024 + c.revoked.size() * 96;
    der::DerWriter w(capacity);

    // AlgorithmIdentifier of the signature (in tbs and outside): RSA carries NULL parameters.
    auto write_sig_alg = [&](der::DerWriter& dw) {
        const std::size_t m = dw.size();
        if (pk_type == MBEDTLS_PK_RSA) dw.null();
        dw.oid(std::string_view(sig_oid, sig_oid_len));
        dw.wrap(m, der::kSequence);
    };

    // --- TBSCertList, written backwards -------------------------------------------------------
    // crlExtensions [0] EXPLICIT Extensions
    {
        const std::size_t explicit_mark = w.size();
        const std::size_t exts = w.size();
        // crlNumber
        {
            const std::size_t e = w.size();
            const std::size_t v = w.size();
            w.integer_raw(u64_magnitude(c.crl_number));
            close_extension(w, e, v, kOidCrlNumber);
        }
        // authorityKeyIdentifier { keyIdentifier [0] IMPLICIT OCTET STRING } when the CA has an SKI
        if (ca->subject_key_id.p != nullptr && ca->subject_key_id.len != 0) {
            const std::size_t e = w.size();
            const std::size_t v = w.size();
            const std::size_t aki = w.size();
            const std::size_t kid = w.size();
            w.raw(ByteView(ca->subject_key_id.p, ca->subject_key_id.len));
            w.wrap(kid, 0x80);  // [0] IMPLICIT, primitive
            w.wrap(aki, der::kSequence);
            close_extension(w, e, v, kOidAuthorityKeyId);
        }
        w.wrap(exts, der::kSequence);
        w.wrap(explicit_mark, der::kContext0Constructed);
    }
    // revokedCertificates (omitted when empty, RFC 5280 5.1.2.6)
    if (!c.revoked.empty()) {
        const std::size_t list = w.size();
        for (std::size_t i = c.revoked.size(); i-- > 0;) {
            const RevokedCertificate& r = c.revoked[i];
            const std::size_t entry = w.size();
            if (r.reason != RevocationReason::Unspecified) {
                const std::size_t exts = w.size();
                const std::size_t e = w.size();
                const std::size_t v = w.size();
                w.enumerated(static_cast<int>(r.reason));
                close_extension(w, e, v, kOidReasonCode);
                w.wrap(exts, der::kSequence);
            }
            w.time(r.revocation_date);
            w.integer_raw(r.serial);
            w.wrap(entry, der::kSequence);
        }
        w.wrap(list, der::kSequence);
    }
    w.time(c.next_update);
    w.time(c.this_update);
    w.raw(ByteView(ca->subject_raw.p, ca->subject_raw.len));  // issuer = the CA's subject, verbatim
    write_sig_alg(w);
    w.integer(1);  // version v2
    w.wrap(0, der::kSequence);
    if (!w.ok()) return PkiError::Internal;
    const std::size_t tbs_size = w.size();

    // --- Signature over the TBSCertList --------------------------------------------------------
    Bytes signature;
    PkiError e = issuer.key().sign_sha256(w.view(), rng, signature);
    if (e != PkiError::Ok) return e;
    {
        const std::size_t bits = w.size();
        w.raw(signature);
        const std::uint8_t unused_bits = 0;
        w.raw(ByteView(&unused_bits, 1));
        w.wrap(bits, der::kBitString);
    }
    // The signatureAlgorithm sits between tbs and signature: rebuild in order tbs, alg, sig.
    // (DerWriter writes backwards, so write a fresh buffer: sig, alg, tbs.)
    der::DerWriter final_writer(capacity + 600);
    {
        const ByteView all = w.view();
        const ByteView tbs = all.subspan(all.size() - tbs_size);
        const ByteView sig = all.first(all.size() - tbs_size);
        final_writer.raw(sig);
        write_sig_alg(final_writer);
        final_writer.raw(tbs);
        final_writer.wrap(0, der::kSequence);
    }
    if (!final_writer.ok()) return PkiError::Internal;
    out = final_writer.take();
    return PkiError::Ok;
}

// --- Extension parsing -----------------------------------------------------------------------

namespace detail {
namespace {

// Iterates Extensions ::= SEQUENCE OF Extension; calls f(oid, critical, value) for each.
template <typename F>
PkiError for_each_extension(ByteView extensions, F&& f) {
    der::Reader all(extensions);
    der::Reader list;
    if (!all.next(der::kSequence, list) || !all.at_end()) return PkiError::MalformedInput;
    while (!list.at_end()) {
        der::Reader ext;
        if (!list.next(der::kSequence, ext)) return PkiError::MalformedInput;
        der::Reader oid;
        if (!ext.next(der::kOid, oid) || oid.size() == 0) return PkiError::MalformedInput;
        bool critical = false;
        std::uint8_t tag = 0;
        der::Reader v;
        if (!ext.next_any(tag, v)) return PkiError::MalformedInput;
        if (tag == 0x01) {  // BOOLEAN critical
            if (v.size() != 1) return PkiError::MalformedInput;
            critical = v.bytes()[0] != 0;
            if (!ext.next_any(tag, v)) return PkiError::MalformedInput;
        }
        if (tag != der::kOctetString || !ext.at_end()) return PkiError::MalformedInput;
        const ByteView id = oid.bytes();
        const PkiError e = f(std::string_view(reinterpret_cast<const char*>(id.data()), id.size()), critical, v.bytes());
        if (e != PkiError::Ok) return e;
    }
    return PkiError::Ok;
}

// A non-negative INTEGER that fits 64 bits, as the whole of `value`.
bool read_u64_integer(ByteView value, std::uint8_t want_tag, std::uint64_t& out) {
    der::Reader all(value);
    der::Reader integer;
    if (!all.next(want_tag, integer) || !all.at_end() || integer.size() == 0) return false;
    const ByteView bytes = integer.bytes();
    const std::uint8_t* c = bytes.data();
    const std::size_t len = bytes.size();
    if (c[0] & 0x80) return false;  // negative
    std::size_t skip = 0;
    if (len > 1 && c[0] == 0) {
        if (!(c[1] & 0x80)) return false;  // not minimal
        skip = 1;
    }
    if (len - skip > 8) return false;
    std::uint64_t v = 0;
    for (std::size_t i = skip; i < len; ++i) v = (v << 8) | c[i];
    out = v;
    return true;
}

}  // namespace

PkiError parse_crl_extensions(ByteView extensions, CrlExtensions& out) {
    out = CrlExtensions{};
    return for_each_extension(extensions, [&](std::string_view oid, bool critical, ByteView value) {
        if (oid == kOidCrlNumber) {
            if (out.has_crl_number || !read_u64_integer(value, der::kInteger, out.crl_number)) {
                return PkiError::MalformedInput;
            }
            out.has_crl_number = true;
        } else if (critical) {
            out.has_critical_unknown = true;
        }
        return PkiError::Ok;
    });
}

PkiError parse_crl_entry_extensions(ByteView extensions, RevocationReason& reason) {
    reason = RevocationReason::Unspecified;
    bool seen = false;
    return for_each_extension(extensions, [&](std::string_view oid, bool, ByteView value) {
        if (oid == kOidReasonCode) {
            std::uint64_t v = 0;
            if (seen || !read_u64_integer(value, der::kEnumerated, v) || !is_valid_revocation_reason(static_cast<int>(v > 255 ? 255 : v))) {
                return PkiError::MalformedInput;
            }
            reason = static_cast<RevocationReason>(v);
            seen = true;
        }
        return PkiError::Ok;
    });
}

}  // namespace detail

// --- Crl -------------------------------------------------------------------------------------

bool Crl::empty() const { return crl_->raw.p == nullptr; }

PkiError Crl::parse(ByteView input) {
    crl_.clear();
    has_number_ = false;
    number_ = 0;
    entries_.clear();
    if (const PkiError e = detail::check_input_size(input); e != PkiError::Ok) return e;
    const int ret = detail::parse_pem_or_der(input, [&](const unsigned char* data, std::size_t size, bool pem) {
        return pem ? mbedtls_x509_crl_parse(crl_.get(), data, size) : mbedtls_x509_crl_parse_der(crl_.get(), data, size);
    });
    PkiError result = PkiError::Ok;
    if (ret != 0 || crl_->raw.p == nullptr || crl_->next != nullptr) {
        result = ret == MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG ? PkiError::UnsupportedAlgorithm : PkiError::MalformedInput;
    }
    if (result == PkiError::Ok && crl_->crl_ext.p != nullptr) {
        detail::CrlExtensions ext;
        result = detail::parse_crl_extensions(ByteView(crl_->crl_ext.p, crl_->crl_ext.len), ext);
        has_number_ = ext.has_crl_number;
        number_ = ext.crl_number;
    }
    for (const mbedtls_x509_crl_entry* e = &crl_->entry; result == PkiError::Ok && e != nullptr; e = e->next) {
        if (e->serial.p == nullptr) continue;  // the empty list's placeholder
        RevokedCertificate r;
        ByteView serial(e->serial.p, e->serial.len);
        while (serial.size() > 1 && serial[0] == 0) serial = serial.subspan(1);
        r.serial.assign(serial.begin(), serial.end());
        r.revocation_date = detail::from_x509_time(e->revocation_date);
        if (e->entry_ext.p != nullptr) {
            // entry_ext.p is the SEQUENCE's tag, entry_ext.len its content length: bound by the entry.
            const std::uint8_t* entry_end = e->raw.p + e->raw.len;
            if (e->entry_ext.p < e->raw.p || e->entry_ext.p >= entry_end) {
                result = PkiError::MalformedInput;
                break;
            }
            result = detail::parse_crl_entry_extensions(
                ByteView(e->entry_ext.p, static_cast<std::size_t>(entry_end - e->entry_ext.p)), r.reason);
        }
        entries_.push_back(std::move(r));
    }
    if (result != PkiError::Ok) {
        crl_.clear();
        has_number_ = false;
        number_ = 0;
        entries_.clear();
    }
    return result;
}

ByteView Crl::der() const { return ByteView(crl_->raw.p, crl_->raw.len); }

PkiError Crl::pem(std::string& out) const {
    if (empty()) return PkiError::InvalidArgument;
    return detail::pem_encode(der(), "X509 CRL", out);
}

std::string Crl::issuer() const { return detail::readable_name(&crl_->issuer); }
UnixTime Crl::this_update() const { return detail::from_x509_time(crl_->this_update); }
UnixTime Crl::next_update() const {
    return crl_->next_update.year == 0 ? 0 : detail::from_x509_time(crl_->next_update);
}

const RevokedCertificate* Crl::find(ByteView serial) const {
    while (serial.size() > 1 && serial[0] == 0) serial = serial.subspan(1);
    for (const RevokedCertificate& r : entries_) {
        if (r.serial.size() == serial.size() && std::memcmp(r.serial.data(), serial.data(), serial.size()) == 0) {
            return &r;
        }
    }
    return nullptr;
}

PkiError Crl::verify_signature(const Certificate& issuer) const {
    if (empty() || issuer.empty()) return PkiError::InvalidArgument;
    const mbedtls_x509_crt* ca = issuer.raw();
    if (crl_->issuer_raw.len != ca->subject_raw.len ||
        std::memcmp(crl_->issuer_raw.p, ca->subject_raw.p, ca->subject_raw.len) != 0) {
        return PkiError::SignatureInvalid;
    }
    return detail::verify_signed_data(ca->pk, static_cast<int>(crl_->MBEDTLS_PRIVATE(sig_md)),
                                      static_cast<int>(crl_->MBEDTLS_PRIVATE(sig_pk)), crl_->MBEDTLS_PRIVATE(sig_opts),
                                      ByteView(crl_->tbs.p, crl_->tbs.len),
                                      ByteView(crl_->MBEDTLS_PRIVATE(sig).p, crl_->MBEDTLS_PRIVATE(sig).len));
}

}  // namespace cp::pki
