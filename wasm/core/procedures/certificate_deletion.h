// certportal procedures: deleting a certificate in the certificate manager (インターネットオプション →
// コンテンツ → 証明書 → 個人), the seed's steps (13)-(15). The manager knows only what the
// certificates say (name and 有効期限), like the OS: it warns before deleting the only
// unexpired certificate of a holder, or the newer of two (「誤って削除された場合、ログオン不可
// または書面でのお手続きが必要となる場合がございます」).
//   Select   pick one (list(): name and 有効期限) → 削除
//   Confirm  「証明書を削除しますか？」 はい / いいえ; warning() says what the seed warns about
//   Done / Cancelled
#pragma once

#include "bank/result.h"
#include "pc/pc_certificate_store.h"

namespace cp {

class CertificateDeletion {
public:
    enum class Step : std::uint8_t { Select, Confirm, Done, Cancelled };

    CertificateDeletion(PcCertificateStore& pc, SimTime now) : pc_(pc), now_(now) {}

    Step step() const { return step_; }
    const std::vector<InstalledCertificate>& list() const { return pc_.certificates; }
    // Ok, NoSuchInstalledCertificate; a warning (DeletingOnlyValidCertificate,
    // DeletingNewerCertificate) is kept in warning() and the step still moves to Confirm.
    FlowResult select(std::string_view serial);
    FlowResult warning() const { return warning_; }
    FlowResult confirm(bool yes);

private:
    PcCertificateStore& pc_;
    SimTime now_;
    Step step_ = Step::Select;
    std::string serial_;
    FlowResult warning_ = FlowResult::Ok;
};

}  // namespace cp
