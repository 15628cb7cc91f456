// certportal pki: certificate status.
#include "pki/verify.h"

#include <mbedtls/x509_crt.h>

#include <cstring>
#include <iterator>

#include "pki/enum_texts.h"

namespace cp::pki {

namespace {

// In CertificateStatus's order: the identifier and the Japanese label.
constexpr detail::EnumText kCertificateStatusTexts[] = {
    {"Valid", "有効"},
    {"Revoked", "失効"},
    {"Expired", "期限切れ"},
    {"NotYetValid", "まだ有効でない"},
    {"UnknownIssuer", "発行元不明"},
    {"BadSignature", "署名不正"},
};
static_assert(std::size(kCertificateStatusTexts) == static_cast<std::size_t>(CertificateStatus::BadSignature) + 1);
constexpr detail::EnumText kUnknownStatus{"?", "?"};

}  // namespace

const char* certificate_status_name(CertificateStatus status) {
    return detail::enum_text(kCertificateStatusTexts, status, kUnknownStatus).name;
}

const char* certificate_status_label_ja(CertificateStatus status) {
    return detail::enum_text(kCertificateStatusTexts, status, kUnknownStatus).text;
}

namespace {

constexpr int kMaxChain = 4;

bool same_name(const mbedtls_x509_buf& a, const mbedtls_x509_buf& b) {
    return a.len == b.len && a.p != nullptr && b.p != nullptr && std::memcmp(a.p, b.p, a.len) == 0;
}

bool can_issue(const Certificate& ca) {
    return ca.is_ca() && mbedtls_x509_crt_check_key_usage(ca.raw(), MBEDTLS_X509_KU_KEY_CERT_SIGN) == 0;
}

bool is_self_issued(const Certificate& c) { return same_name(c.raw()->issuer_raw, c.raw()->subject_raw); }

PkiError check_signature(const Certificate& child, const Certificate& parent) {
    const mbedtls_x509_crt* c = child.raw();
    return detail::verify_signed_data(parent.raw()->pk, static_cast<int>(c->MBEDTLS_PRIVATE(sig_md)),
                                      static_cast<int>(c->MBEDTLS_PRIVATE(sig_pk)), c->MBEDTLS_PRIVATE(sig_opts),
                                      ByteView(c->tbs.p, c->tbs.len),
                                      ByteView(c->MBEDTLS_PRIVATE(sig).p, c->MBEDTLS_PRIVATE(sig).len));
}

// Candidates for the issuer of `child`: CAs of the store whose subject is child's issuer.
// Prefers one whose key verifies the signature (two CA generations may share a name).
struct IssuerLookup {
    const Certificate* issuer = nullptr;
    bool is_root = false;
    bool signature_ok = false;
};

IssuerLookup find_issuer(const Certificate& child, const TrustStore& store) {
    IssuerLookup found;
    auto consider = [&](const Certificate* ca, bool root) {
        if (ca == nullptr || ca->empty() || ca == &child) return;
        if (!same_name(child.raw()->issuer_raw, ca->raw()->subject_raw) || !can_issue(*ca)) return;
        const bool ok = check_signature(child, *ca) == PkiError::Ok;
        if (found.issuer == nullptr || (ok && !found.signature_ok)) {
            found.issuer = ca;
            found.is_root = root;
            found.signature_ok = ok;
        }
    };
    for (const Certificate* r : store.roots) consider(r, true);
    for (const Certificate* i : store.intermediates) consider(i, false);
    return found;
}

// The issuer's CRL with the highest number among those whose signature verifies.
const Crl* find_crl(const Certificate& issuer, const TrustStore& store, bool& rejected) {
    const Crl* best = nullptr;
    rejected = false;
    for (const Crl* crl : store.crls) {
        if (crl == nullptr || crl->empty()) continue;
        if (!same_name(crl->raw()->issuer_raw, issuer.raw()->subject_raw)) continue;
        if (crl->verify_signature(issuer) != PkiError::Ok ||
            mbedtls_x509_crt_check_key_usage(issuer.raw(), MBEDTLS_X509_KU_CRL_SIGN) != 0) {
            rejected = true;
            continue;
        }
        if (best == nullptr || crl->crl_number() > best->crl_number()) best = crl;
    }
    return best;
}

}  // namespace

VerifyResult verify_certificate(const Certificate& cert, const TrustStore& store, UnixTime now) {
    VerifyResult result;
    if (cert.empty()) {
        result.status = CertificateStatus::UnknownIssuer;
        return result;
    }

    // 1 + 2: build the chain leaf -> root; unknown issuer first, then signatures.
    std::vector<const Certificate*> chain{&cert};
    bool bad_signature = false;
    bool reached_root = false;
    for (int depth = 0; depth < kMaxChain; ++depth) {
        const Certificate& child = *chain.back();
        const IssuerLookup up = find_issuer(child, store);
        if (up.issuer == nullptr) break;
        if (!up.signature_ok) bad_signature = true;
        chain.push_back(up.issuer);
        if (up.is_root) {
            // A root is trusted as it is; its self-signature is checked anyway (tampered store).
            if (!is_self_issued(*up.issuer) || check_signature(*up.issuer, *up.issuer) != PkiError::Ok) {
                bad_signature = true;
            }
            reached_root = true;
            break;
        }
    }
    if (!reached_root) {
        result.status = CertificateStatus::UnknownIssuer;
        return result;
    }
    result.chain_length = static_cast<int>(chain.size());
    if (bad_signature) {
        result.status = CertificateStatus::BadSignature;
        return result;
    }

    // 3: revocation of every certificate below the root by its issuer's CRL (the leaf by the
    //    issuing CA's CRL, the issuing CA by the root's, when the store has one).
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        bool rejected = false;
        const Crl* crl = find_crl(*chain[i + 1], store, rejected);
        if (crl == nullptr) {
            if (i == 0 && rejected) result.crl = CrlUse::Rejected;
            continue;
        }
        if (i == 0) {
            result.crl = (crl->next_update() != 0 && crl->next_update() < now) ? CrlUse::Stale : CrlUse::Checked;
        }
        const RevokedCertificate* entry = crl->find(chain[i]->serial());
        if (entry != nullptr && entry->revocation_date <= now) {
            result.status = CertificateStatus::Revoked;
            result.revocation_reason = entry->reason;
            result.revocation_date = entry->revocation_date;
            return result;
        }
    }

    // 4: validity of the whole chain at `now`.
    for (const Certificate* c : chain) {
        if (now < c->not_before()) {
            result.status = CertificateStatus::NotYetValid;
            return result;
        }
        if (now > c->not_after()) {
            result.status = CertificateStatus::Expired;
            return result;
        }
    }
    result.status = CertificateStatus::Valid;
    return result;
}

}  // namespace cp::pki
