// certportal portal: the browser's certificate manager — seed 000 (13)-(15): ツール →
// インターネットオプション(O) → コンテンツ → 証明書(C) → the 個人 tab, 削除 → 「証明書を削除しますか？」.
// It belongs to the simulated PC, not to the bank: it opens over whatever page the browser shows
// and works on that PC's store (procedures/certificate_deletion.h for 削除 and its warnings).
//
//   InternetOptions  the OS's tabbed dialog; only コンテンツ → 証明書(C) leads somewhere
//   Certificates     tabs 個人 / ほかの人 / 中間証明機関 / 信頼されたルート証明機関; columns 発行先,
//                    発行者, 有効期限, フレンドリ名; 表示 (details: serial, SHA-1 / SHA-256
//                    fingerprints, validity, key usage, the chain to the bank's root, the status
//                    against the bank's CRL — all read from the DER, pki/verify.h), 削除
//   ConfirmDelete    the seed's warning in bold when the choice is the only valid or the newer
//                    certificate, then 「証明書を削除しますか？」 はい / いいえ
// 中間証明機関 and 信頼されたルート証明機関 list the bank's issuing CA and root (the bank's set-up
// put them on the PC); they are read-only here.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bank/pki_authority.h"
#include "pc/pc_certificate_store.h"
#include "pki/verify.h"
#include "portal/commands.h"
#include "portal/flows/screen_table.h"
#include "procedures/certificate_deletion.h"

namespace cp {

// One row of the certificate list.
struct CertificateRow {
    std::string id;          // the row's key: the serial (hex)
    std::string issued_to;   // 発行先: the subject's common name
    std::string issued_by;   // 発行者: the issuer's common name
    SimTime not_after = 0;   // 有効期限
    bool personal = false;   // in the PC's 個人 store (deletable)
};

// 表示: what the certificate's DER says, and its status now against the bank's trust store.
struct CertificateDetails {
    std::string id;
    pki::CertificateInfo info;         // serial, validity, SHA-1 / SHA-256 fingerprints, key usage, names
    std::vector<std::string> chain;    // common names from the root down to this certificate
    pki::CertificateStatus status = pki::CertificateStatus::BadSignature;
};

class CertificateManagerFlow {
public:
    enum class Screen : std::uint8_t { InternetOptions, Certificates, ConfirmDelete, Count_ };

    // `store`: the PC's 個人 store; `authority`: the bank's CA (root, issuing CA, CRL); `now`: the
    // simulated time the statuses are computed at. All must outlive the flow.
    CertificateManagerFlow(PcCertificateStore& store, const PkiAuthority& authority, SimTime now);

    Screen screen() const;
    FlowResult apply(const ManagerCommand& command);

    bool content_tab() const { return content_tab_; }  // インターネットオプション shows コンテンツ
    CertificateStoreTab tab() const { return tab_; }
    std::vector<CertificateRow> rows(CertificateStoreTab tab) const;
    const std::string& highlighted() const { return highlighted_; }
    // 表示 is open (nullopt: closed).
    const std::optional<CertificateDetails>& details() const { return details_; }
    // ConfirmDelete: the seed's warning (DeletingOnlyValidCertificate / DeletingNewerCertificate)
    // or Ok; and which certificate.
    FlowResult deletion_warning() const { return deletion_ ? deletion_->warning() : FlowResult::Ok; }
    // The last command's result (Ok, Cancelled after いいえ, NoSuchInstalledCertificate, ...).
    FlowResult last_result() const { return last_result_; }
    // The details of any certificate this manager lists (nullopt: not found / unreadable).
    std::optional<CertificateDetails> describe(const std::string& id) const;

private:
    const pki::Certificate* ca_certificate(const std::string& id) const;

    PcCertificateStore& store_;
    const PkiAuthority& authority_;
    SimTime now_;
    bool content_tab_ = false;
    bool list_open_ = false;
    CertificateStoreTab tab_ = CertificateStoreTab::Personal;
    std::string highlighted_;
    std::optional<CertificateDetails> details_;
    std::unique_ptr<CertificateDeletion> deletion_;
    FlowResult last_result_ = FlowResult::Ok;
};

// Each screen's kind and stable name (portal/flows/screen_table.h): the OS's windows over the page.
inline constexpr ScreenRow<CertificateManagerFlow::Screen> kCertificateManagerScreens[] = {
    {CertificateManagerFlow::Screen::InternetOptions, ScreenKind::Dialog, "InternetOptions"},
    {CertificateManagerFlow::Screen::Certificates, ScreenKind::Dialog, "Certificates"},
    {CertificateManagerFlow::Screen::ConfirmDelete, ScreenKind::Dialog, "ConfirmDelete"},
};
static_assert(rows_in_screen_order(kCertificateManagerScreens));

}  // namespace cp
