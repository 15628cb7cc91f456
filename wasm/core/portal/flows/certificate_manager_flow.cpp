#include "portal/flows/certificate_manager_flow.h"

#include <algorithm>

namespace cp {
namespace {

// The common name of a readable distinguished name ("CN=…, OU=…"), or the whole name.
std::string common_name_of(const std::string& dn) {
    const std::size_t at = dn.find("CN=");
    if (at == std::string::npos) return dn;
    const std::size_t end = dn.find(", ", at);
    return dn.substr(at + 3, end == std::string::npos ? std::string::npos : end - at - 3);
}

}  // namespace

CertificateManagerFlow::CertificateManagerFlow(PcCertificateStore& store, const PkiAuthority& authority, SimTime now)
    : store_(store), authority_(authority), now_(now) {}

CertificateManagerFlow::Screen CertificateManagerFlow::screen() const {
    if (!list_open_) return Screen::InternetOptions;
    if (deletion_ && deletion_->step() == CertificateDeletion::Step::Confirm) return Screen::ConfirmDelete;
    return Screen::Certificates;
}

const pki::Certificate* CertificateManagerFlow::ca_certificate(const std::string& id) const {
    if (authority_.root_certificate().serial_hex() == id) return &authority_.root_certificate();
    if (authority_.issuing_certificate().serial_hex() == id) return &authority_.issuing_certificate();
    return nullptr;
}

std::vector<CertificateRow> CertificateManagerFlow::rows(CertificateStoreTab tab) const {
    std::vector<CertificateRow> out;
    const auto ca_row = [&](const pki::Certificate& c) {
        CertificateRow r;
        r.id = c.serial_hex();
        r.issued_to = c.subject_identity().common_name;
        r.issued_by = common_name_of(c.issuer());
        r.not_after = c.not_after();
        out.push_back(std::move(r));
    };
    switch (tab) {
        case CertificateStoreTab::Personal:
            for (const InstalledCertificate& ic : store_.certificates) {
                CertificateRow r;
                r.id = ic.serial;
                r.issued_to = ic.subject.display_name();
                r.not_after = ic.not_after;
                r.personal = true;
                pki::Certificate c;
                r.issued_by = c.parse(pki::ByteView(ic.certificate.data(), ic.certificate.size())) == pki::PkiError::Ok
                                  ? common_name_of(c.issuer())
                                  : std::string();
                out.push_back(std::move(r));
            }
            break;
        case CertificateStoreTab::OtherPeople: break;  // nobody else's certificates on these PCs
        case CertificateStoreTab::Intermediate: ca_row(authority_.issuing_certificate()); break;
        case CertificateStoreTab::TrustedRoot: ca_row(authority_.root_certificate()); break;
    }
    return out;
}

std::optional<CertificateDetails> CertificateManagerFlow::describe(const std::string& id) const {
    pki::Certificate parsed;
    const pki::Certificate* ca = ca_certificate(id);
    if (ca == nullptr) {
        const InstalledCertificate* ic = store_.find(id);
        if (ic == nullptr || parsed.parse(pki::ByteView(ic->certificate.data(), ic->certificate.size())) != pki::PkiError::Ok)
            return std::nullopt;
    }
    const pki::Certificate& cert = ca != nullptr ? *ca : parsed;
    const pki::Certificate& issuing = authority_.issuing_certificate();
    const pki::Certificate& root = authority_.root_certificate();
    CertificateDetails d;
    d.id = id;
    d.info = pki::describe_certificate(cert, "");
    // The status as the OS would judge it with the bank's root trusted and its latest CRL.
    pki::TrustStore trust;
    trust.roots.push_back(&root);
    trust.intermediates.push_back(&issuing);
    trust.crls.push_back(&authority_.crl());
    if (&cert == &root) {  // a trust anchor is trusted as it is: only its validity can fail
        d.status = now_ < d.info.not_before ? pki::CertificateStatus::NotYetValid
                   : is_past_expiry(d.info.not_after, now_) ? pki::CertificateStatus::Expired
                                                        : pki::CertificateStatus::Valid;
    } else {
        d.status = pki::verify_certificate(cert, trust, now_).status;
    }
    // 証明のパス: up the issuer names through the bank's CAs, then root first as Windows draws it.
    d.chain.push_back(d.info.common_name);
    std::string subject = d.info.subject, issuer = d.info.issuer;
    for (const pki::Certificate* next : {&issuing, &root}) {
        if (subject == issuer) break;  // self-signed: the root is reached
        if (next->subject() != issuer) continue;
        d.chain.push_back(next->subject_identity().common_name);
        subject = next->subject();
        issuer = next->issuer();
    }
    std::reverse(d.chain.begin(), d.chain.end());
    return d;
}

FlowResult CertificateManagerFlow::apply(const ManagerCommand& command) {
    last_result_ = std::visit(
        overloaded{
            [&](const cmd::ShowContentTab&) -> FlowResult {
                content_tab_ = true;
                return FlowResult::Ok;
            },
            [&](const cmd::OpenCertificateList&) -> FlowResult {
                if (!content_tab_) return FlowResult::WrongStep;
                list_open_ = true;
                tab_ = CertificateStoreTab::Personal;
                highlighted_.clear();
                details_.reset();
                deletion_.reset();
                return FlowResult::Ok;
            },
            [&](const cmd::CloseCertificateList&) -> FlowResult {
                list_open_ = false;
                details_.reset();
                deletion_.reset();
                return FlowResult::Ok;
            },
            [&](const cmd::SelectStoreTab& c) -> FlowResult {
                if (!list_open_ || screen() == Screen::ConfirmDelete) return FlowResult::WrongStep;
                tab_ = c.tab;
                highlighted_.clear();
                details_.reset();
                return FlowResult::Ok;
            },
            [&](const cmd::HighlightCertificate& c) -> FlowResult {
                if (!list_open_ || screen() == Screen::ConfirmDelete) return FlowResult::WrongStep;
                for (const CertificateRow& r : rows(tab_))
                    if (r.id == c.id) {
                        highlighted_ = c.id;
                        return FlowResult::Ok;
                    }
                return PcResult::NoSuchInstalledCertificate;
            },
            [&](const cmd::ShowCertificateDetails& c) -> FlowResult {
                if (!list_open_) return FlowResult::WrongStep;
                if (c.id.empty()) {
                    details_.reset();
                    return FlowResult::Ok;
                }
                details_ = describe(c.id);
                return details_ ? FlowResult::Ok : PcResult::NoSuchInstalledCertificate;
            },
            [&](const cmd::DeleteCertificate&) -> FlowResult {
                if (!list_open_ || tab_ != CertificateStoreTab::Personal || highlighted_.empty()) return FlowResult::WrongStep;
                details_.reset();
                deletion_ = std::make_unique<CertificateDeletion>(store_, now_);
                return deletion_->select(highlighted_);
            },
            [&](const cmd::ConfirmDeletion& c) -> FlowResult {
                if (screen() != Screen::ConfirmDelete) return FlowResult::WrongStep;
                const FlowResult r = deletion_->confirm(c.yes);
                deletion_.reset();
                if (r == FlowResult::Ok) highlighted_.clear();
                return r;
            },
        },
        command);
    return last_result_;
}

}  // namespace cp
