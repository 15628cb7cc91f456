#include "bank/pki_authority.h"

#include <algorithm>

#include "pki/login.h"
#include "pki/verify.h"
#include "storage/byte_codec.h"

namespace cp {
namespace {

constexpr std::uint8_t kRecordVersion = 1;
// Our defaults (docs/domain.md, "Every other number"):
constexpr std::size_t kMaxChallenges = 16;        // logins in progress at once (older ones lapse)
constexpr SimTime kCrlLifetime = days(7);         // nextUpdate; a stale CRL is still used
constexpr std::size_t kMaxRecordPart = 64 * 1024; // pki::kMaxInputBytes

bool hex_to_bytes(std::string_view hex, pki::Bytes& out) {
    out.clear();
    if (hex.empty() || hex.size() % 2 != 0 || hex.size() > 64) return false;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) return false;
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    return true;
}

// The bank's reading of a client certificate's subject: CN "契約者ID holder", OU 管理者 / 利用者.
bool subject_of(const pki::Certificate& cert, CertificateSubject& out) {
    const pki::SubjectIdentity id = cert.subject_identity();
    const std::size_t space = id.common_name.find(' ');
    if (space == std::string::npos) return false;
    if (id.organizational_unit == pki::role_unit_name(pki::CertificateRole::Administrator))
        out.kind = HolderKind::Administrator;
    else if (id.organizational_unit == pki::role_unit_name(pki::CertificateRole::User))
        out.kind = HolderKind::User;
    else
        return false;
    out.contract_id = id.common_name.substr(0, space);
    out.holder_id = id.common_name.substr(space + 1);
    return true;
}

pki::ClientSubject client_subject(const CertificateSubject& s) {
    pki::ClientSubject c;
    c.contract_id = s.contract_id;
    if (s.kind == HolderKind::Administrator) {
        c.role = pki::CertificateRole::Administrator;
        c.bank_code = s.holder_id;
    } else {
        c.role = pki::CertificateRole::User;
        c.user_id = s.holder_id;
    }
    return c;
}

}  // namespace

BankResult PkiAuthority::create(const pki::CaSetup& setup, SimTime not_before) {
    pki::CaHierarchy h;
    if (pki::create_ca_hierarchy(setup, not_before, rng_, h) != pki::PkiError::Ok) return BankResult::IssuingFailed;
    pki::Certificate root;
    if (root.parse(h.root.certificate().der()) != pki::PkiError::Ok) return BankResult::IssuingFailed;
    // The root's key is not kept: the root signed the issuing CA and its work is done (an offline
    // root, as real CAs keep it).
    root_ = std::move(root);
    issuing_ = std::move(h.issuing);
    challenges_.clear();
    return publish_crl({}, 1, not_before);
}

BankResult PkiAuthority::publish_crl(std::vector<pki::RevokedCertificate> entries, std::uint64_t number, SimTime now) {
    pki::CrlContents contents;
    contents.crl_number = number;
    contents.this_update = now;
    contents.next_update = now + kCrlLifetime;
    contents.revoked = std::move(entries);
    pki::Bytes der;
    pki::Crl crl;
    if (pki::write_crl(issuing_, contents, rng_, der) != pki::PkiError::Ok || crl.parse(der) != pki::PkiError::Ok)
        return BankResult::IssuingFailed;
    crl_ = std::move(crl);
    return BankResult::Ok;
}

BankResult PkiAuthority::issue(const IssueRequest& request, std::span<const std::uint8_t> csr, IssuedCertificate& out) {
    out = IssuedCertificate{};
    if (!ready() || request.not_after <= request.not_before || (request.not_after - request.not_before) % days(1) != 0)
        return BankResult::IssuingFailed;
    pki::IssueOptions options;
    options.not_before = request.not_before;
    options.validity_days = static_cast<int>((request.not_after - request.not_before) / days(1));
    pki::Bytes der;
    if (issuing_.issue_client_certificate(csr, client_subject(request.subject), options, rng_, der) != pki::PkiError::Ok)
        return BankResult::IssuingFailed;
    return read_certificate(der, out) == BankResult::Ok ? BankResult::Ok : BankResult::IssuingFailed;
}

BankResult PkiAuthority::read_certificate(std::span<const std::uint8_t> certificate, IssuedCertificate& out) {
    out = IssuedCertificate{};
    pki::Certificate cert;
    if (cert.parse(certificate) != pki::PkiError::Ok || cert.is_ca()) return BankResult::CertificateUnknown;
    IssuedCertificate facts;
    if (!subject_of(cert, facts.subject)) return BankResult::CertificateUnknown;
    facts.serial = cert.serial_hex();
    facts.not_before = cert.not_before();
    facts.not_after = cert.not_after();
    facts.certificate.assign(cert.der().begin(), cert.der().end());
    out = std::move(facts);
    return BankResult::Ok;
}

bool PkiAuthority::is_revoked(std::string_view serial) const {
    pki::Bytes bytes;
    return !crl_.empty() && hex_to_bytes(serial, bytes) && crl_.find(bytes) != nullptr;
}

BankResult PkiAuthority::revoke(std::string_view serial, SimTime now) {
    if (serial.empty()) return BankResult::Ok;
    pki::Bytes bytes;
    if (!hex_to_bytes(serial, bytes)) return BankResult::CertificateUnknown;
    if (!ready()) return BankResult::IssuingFailed;
    if (crl_.find(bytes) != nullptr) return BankResult::Ok;  // already listed
    std::vector<pki::RevokedCertificate> entries = crl_.entries();
    entries.push_back(pki::RevokedCertificate{bytes, now, pki::RevocationReason::Unspecified});
    return publish_crl(std::move(entries), crl_.crl_number() + 1, std::max(now, crl_.this_update()));
}

BankResult PkiAuthority::refresh_revocation_list(SimTime now) {
    if (!ready()) return BankResult::IssuingFailed;
    if (crl_.next_update() == 0 || now < crl_.next_update()) return BankResult::Ok;  // still current
    return publish_crl(crl_.entries(), crl_.crl_number() + 1, now);
}

BankResult PkiAuthority::new_login_challenge(std::vector<std::uint8_t>& nonce) {
    pki::Bytes n;
    if (pki::create_login_challenge(rng_, n) != pki::PkiError::Ok) return BankResult::IssuingFailed;
    if (challenges_.size() >= kMaxChallenges) challenges_.erase(challenges_.begin());
    challenges_.push_back(n);
    nonce = std::move(n);
    return BankResult::Ok;
}

bool PkiAuthority::take_challenge(std::span<const std::uint8_t> nonce) {
    for (auto it = challenges_.begin(); it != challenges_.end(); ++it)
        if (it->size() == nonce.size() && std::equal(it->begin(), it->end(), nonce.begin())) {
            challenges_.erase(it);
            return true;
        }
    return false;
}

BankResult PkiAuthority::verify_login(std::span<const std::uint8_t> certificate, const LoginProof& proof,
                                      const CertificateSubject& expected, SimTime now) {
    if (!take_challenge(proof.nonce)) return BankResult::LoginProofInvalid;  // one use, ours only
    if (!ready()) return BankResult::CertificateUnknown;
    pki::TrustStore store;
    store.roots.push_back(&root_);
    store.intermediates.push_back(&issuing_.certificate());
    store.crls.push_back(&crl_);
    pki::ExpectedLogin want;
    const pki::ClientSubject cs = client_subject(expected);
    want.role = cs.role;
    want.contract_id = cs.contract_id;
    want.bank_code = cs.bank_code;
    want.user_id = cs.user_id;
    const pki::LoginVerdict v = pki::verify_login(certificate, proof.nonce, proof.signature, want, store, now);
    switch (v.result) {
    case pki::LoginResult::Ok: return BankResult::Ok;
    case pki::LoginResult::WrongCertificate: {
        // A good certificate of this bank, but not this login's: the other role is its own error
        // (the seed: a user's certificate chosen at 管理者ログイン).
        IssuedCertificate presented;
        if (read_certificate(certificate, presented) == BankResult::Ok && presented.subject.kind != expected.kind)
            return expected.kind == HolderKind::Administrator ? BankResult::NotAdminCertificate
                                                              : BankResult::NotUserCertificate;
        return BankResult::CertificateUnknown;
    }
    case pki::LoginResult::CertificateNotValid:
        if (v.status == pki::CertificateStatus::Revoked) return BankResult::CertificateRevoked;
        if (v.status == pki::CertificateStatus::Expired) return BankResult::CertificateExpired;
        return BankResult::CertificateUnknown;  // not yet valid: not a certificate this bank handed out
    case pki::LoginResult::BadProof:
    case pki::LoginResult::InvalidChallenge: return BankResult::LoginProofInvalid;
    case pki::LoginResult::MalformedCertificate:
    case pki::LoginResult::UntrustedCertificate:
    case pki::LoginResult::NotForClientAuth: return BankResult::CertificateUnknown;
    }
    return BankResult::CertificateUnknown;
}

pki::SecretBytes PkiAuthority::encode() const {
    ByteWriter w;
    pki::SecretBytes key;
    if (!ready() || issuing_.key().write_pkcs8_der(key) != pki::PkiError::Ok) return pki::SecretBytes{};
    w.u8(kRecordVersion);
    w.bytes(root_.der());
    w.bytes(issuing_.certificate().der());
    w.bytes(key.view());
    w.bytes(crl_.der());
    std::vector<std::uint8_t> bytes = w.take();
    pki::SecretBytes out(bytes);
    pki::secure_wipe(bytes.data(), bytes.size());
    return out;
}

PersistResult PkiAuthority::decode(std::span<const std::uint8_t> record) {
    ByteReader r(record);
    if (r.u8() != kRecordVersion) return PersistResult::StateCorrupted;
    const std::vector<std::uint8_t> root_der = r.bytes(kMaxRecordPart);
    const std::vector<std::uint8_t> issuing_der = r.bytes(kMaxRecordPart);
    std::vector<std::uint8_t> key_der = r.bytes(kMaxRecordPart);
    const std::vector<std::uint8_t> crl_der = r.bytes(kMaxRecordPart);
    const bool complete = !r.failed() && r.at_end();
    pki::Certificate root;
    pki::CertificateAuthority issuing;
    pki::Crl crl;
    bool ok = complete && root.parse(root_der) == pki::PkiError::Ok && root.is_ca() &&
              issuing.load(issuing_der, key_der, rng_) == pki::PkiError::Ok &&
              crl.parse(crl_der) == pki::PkiError::Ok &&
              crl.verify_signature(issuing.certificate()) == pki::PkiError::Ok;
    pki::secure_wipe(key_der.data(), key_der.size());
    if (ok) {  // the issuing CA must chain to the root
        pki::TrustStore store;
        store.roots.push_back(&root);
        const pki::VerifyResult v = pki::verify_certificate(issuing.certificate(), store, issuing.certificate().not_before());
        ok = v.status == pki::CertificateStatus::Valid;
    }
    if (!ok) return PersistResult::StateCorrupted;
    root_ = std::move(root);
    issuing_ = std::move(issuing);
    crl_ = std::move(crl);
    challenges_.clear();
    return PersistResult::Ok;
}

}  // namespace cp
