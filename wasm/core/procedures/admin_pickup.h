// certportal procedures: 管理者電子証明書取得 — the administrator obtains a new certificate on 管理者の
// パソコン after the branch reissued it (電子証明書再発行依頼書: an expired or deleted certificate).
// The seeds give no screens for it; it is modelled on the user's pickup in IE mode
// (user_pickup.h) with the administrator's secrets:
//   EnterIds          契約者ID + ご契約先暗証番号 (checked at once: a wrong PIN keeps the step and counts
//                     toward the contract's lock); the PC starts making the key pair
//   ConfirmWebAccess  「この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。」 はい / いいえ
//   WaitingForKey     電子証明書発行処理中: key pair, CSR, key protection (中), then the bank issues
//   Installed         the certificate is in 管理者のパソコン; the administrator logs on with it
//   Failed            nothing pending, the 取得可能期間 passed, いいえ (nothing issued), a PC failure;
//                     a failed install after the issue revokes it and uses the reissue up
// cancel() (the window closed) at any step before Installed, with the same effects.
#pragma once

#include <memory>
#include <string>

#include "bank/bank.h"
#include "pc/certificate_enrollment.h"
#include "pc/pc_certificate_store.h"

namespace cp {

class AdminPickup {
public:
    enum class Step : std::uint8_t { EnterIds, ConfirmWebAccess, WaitingForKey, Installed, Failed };

    AdminPickup(Bank& bank, PcCertificateStore& pc, PcServices services);

    Step step() const { return step_; }
    FlowResult failure() const { return failure_; }
    const std::string& installed_serial() const { return installed_serial_; }
    EnrollmentStage enrollment_stage() const { return enrollment_->stage(); }

    FlowResult enter_ids(std::string_view contract_id, std::string_view contract_pin);
    FlowResult confirm_web_access(bool yes);
    FlowResult cancel();

private:
    FlowResult fail(FlowResult why);
    void issued(FlowResult result);

    Bank& bank_;
    std::unique_ptr<CertificateEnrollment> enrollment_;
    std::string pc_name_;  // where the bank expects the certificate installed
    Step step_ = Step::EnterIds;
    FlowResult failure_ = FlowResult::Ok;
    std::string contract_id_;
    pki::SecretBytes contract_pin_;  // kept from EnterIds to the issue, wiped after
    std::string installed_serial_;
};

}  // namespace cp
