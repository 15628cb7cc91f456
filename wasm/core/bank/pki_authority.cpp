#include "bank/pki_authority.h"

#include <algorithm>

#include "pki/verify.h"
#include "storage/byte_codec.h"

namespace cp {
namespace {

// 1: root, issuing CA + key, CRL. 2: + the TLS server certificate and key.
constexpr std::uint8_t kRecordVersion = 2;
// Our defaults (docs/domain.md, "Every other number"):
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
    pki::Certificate server_certificate;
    pki::KeyPair server_key;
    if (make_server_identity(h.issuing, server_certificate, server_key) != BankResult::Ok)
        return BankResult::IssuingFailed;
    root_ = std::move(root);
    issuing_ = std::move(h.issuing);
    server_certificate_ = std::move(server_certificate);
    server_key_ = std::move(server_key);
    made_server_identity_ = false;
    return publish_crl({}, 1, not_before);
}

BankResult PkiAuthority::make_server_identity(const pki::CertificateAuthority& issuing, pki::Certificate& certificate,
                                              pki::KeyPair& key) {
    const pki::Certificate& ca = issuing.certificate();
    pki::IssueOptions options;
    options.not_before = ca.not_before();
    options.validity_days = static_cast<int>((ca.not_after() - ca.not_before()) / days(1));
    pki::Bytes der;
    if (key.generate(pki::KeyType::EcP256, rng_) != pki::PkiError::Ok ||
        issuing.issue_server_certificate(key, kLoginServerHostName, options, rng_, der) != pki::PkiError::Ok ||
        certificate.parse(der) != pki::PkiError::Ok)
        return BankResult::IssuingFailed;
    return BankResult::Ok;
}

BankResult PkiAuthority::login_server(tls::ServerConfig& out) const {
    if (!ready()) return BankResult::IssuingFailed;
    out.host_name = kLoginServerHostName;
    out.server_certificate = &server_certificate_;
    out.server_key = &server_key_;
    out.issuing_ca = &issuing_.certificate();
    out.root_ca = &root_;
    out.crl = &crl_;
    return BankResult::Ok;
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

pki::SecretBytes PkiAuthority::encode() const {
    ByteWriter w;
    pki::SecretBytes key;
    pki::SecretBytes server_key;
    if (!ready() || issuing_.key().write_pkcs8_der(key) != pki::PkiError::Ok ||
        server_key_.write_pkcs8_der(server_key) != pki::PkiError::Ok)
        return pki::SecretBytes{};
    w.u8(kRecordVersion);
    w.bytes(root_.der());
    w.bytes(issuing_.certificate().der());
    w.bytes(key.view());
    w.bytes(crl_.der());
    w.bytes(server_certificate_.der());  // version 2
    w.bytes(server_key.view());
    std::vector<std::uint8_t> bytes = w.take();
    pki::SecretBytes out(bytes);
    pki::secure_wipe(bytes.data(), bytes.size());
    return out;
}

PersistResult PkiAuthority::decode(std::span<const std::uint8_t> record) {
    ByteReader r(record);
    const std::uint8_t version = r.u8();
    if (version != 1 && version != kRecordVersion) return PersistResult::StateCorrupted;
    const std::vector<std::uint8_t> root_der = r.bytes(kMaxRecordPart);
    const std::vector<std::uint8_t> issuing_der = r.bytes(kMaxRecordPart);
    std::vector<std::uint8_t> key_der = r.bytes(kMaxRecordPart);
    const std::vector<std::uint8_t> crl_der = r.bytes(kMaxRecordPart);
    std::vector<std::uint8_t> server_der;
    std::vector<std::uint8_t> server_key_der;
    if (version >= 2) {
        server_der = r.bytes(kMaxRecordPart);
        server_key_der = r.bytes(kMaxRecordPart);
    }
    const bool complete = !r.failed() && r.at_end();
    pki::Certificate root;
    pki::CertificateAuthority issuing;
    pki::Crl crl;
    pki::Certificate server_certificate;
    pki::KeyPair server_key;
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
    if (ok && version >= 2) {  // the server's certificate: issued by the issuing CA, for its own key
        pki::TrustStore store;
        store.roots.push_back(&root);
        store.intermediates.push_back(&issuing.certificate());
        ok = server_certificate.parse(server_der) == pki::PkiError::Ok &&
             server_key.parse_private_key(server_key_der) == pki::PkiError::Ok &&
             pki::verify_certificate(server_certificate, store, server_certificate.not_before()).status ==
                 pki::CertificateStatus::Valid;
        if (ok) {
            pki::KeyPair certified;
            ok = server_certificate.public_key(certified) == pki::PkiError::Ok &&
                 server_key.matches_public_key_of(certified, rng_) == pki::PkiError::Ok;
        }
    }
    pki::secure_wipe(server_key_der.data(), server_key_der.size());
    if (ok && version < 2) ok = make_server_identity(issuing, server_certificate, server_key) == BankResult::Ok;
    if (!ok) return PersistResult::StateCorrupted;
    root_ = std::move(root);
    issuing_ = std::move(issuing);
    crl_ = std::move(crl);
    server_certificate_ = std::move(server_certificate);
    server_key_ = std::move(server_key);
    made_server_identity_ = version < 2;
    return PersistResult::Ok;
}

}  // namespace cp
