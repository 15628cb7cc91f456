// certportal procedures: 証明書更新 of a holder's own certificate — the administrator's (seed 000
// (6)-(12)) or a user's (seed 000 A3: 管理者または利用者からログオンし、更新を行ってください). One
// state machine for both; admin_renewal.h and user_renewal.h only say whose login it runs under:
//   Start             証明書更新 → 更新 (only inside the holder's renewal window); the PC starts
//                     making the new key pair at once (speculatively: RSA-2048 takes ~0.8 s in wasm)
//   ConfirmWebAccess  「この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。」
//                     はい — once or twice depending on the OS (BankConfig::web_access_confirmations)
//   ProtectionLevel   「アプリケーションは保護されたアイテムを作成しています。」 (中) → OK; 高 with
//                     the password that every later use will ask
//   WaitingForKey     電子証明書発行処理中: key pair, CSR, key protection on the PC, then the bank
//                     issues; the UI keeps drawing and polls step()
//   ConfirmInstall    the same question again → はい
//   Done              「電子証明書のインストールが完了しました」: the new certificate is on the PC
//                     next to the old one (delete the old one: CertificateDeletion); the bank
//                     switches to it once the PC's store has saved it (Bank::confirm_installation)
//   Failed            いいえ before issuing changes nothing; いいえ at the install revokes the new
//                     certificate and the old one stays in use; a PC failure (device key refused)
//                     issues and stores nothing
// cancel() (the window closed) works at any step before Done, with the same effects.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "bank/bank.h"
#include "pc/certificate_enrollment.h"
#include "pc/pc_certificate_store.h"

namespace cp {

class CertificateRenewal {
public:
    enum class Step : std::uint8_t { Start, ConfirmWebAccess, ProtectionLevel, WaitingForKey, ConfirmInstall, Done, Failed };

    // `holder`: whose certificate is renewed. `logged_in`: whether the holder's login still stands
    // (start() refuses otherwise). `pc`: where the new certificate is installed.
    CertificateRenewal(Bank& bank, Holder holder, std::function<bool()> logged_in, PcCertificateStore& pc,
                       PcServices services);
    virtual ~CertificateRenewal() = default;
    CertificateRenewal(const CertificateRenewal&) = delete;  // the enrollment calls back into it
    CertificateRenewal& operator=(const CertificateRenewal&) = delete;

    const Holder& holder() const { return holder_; }
    Step step() const { return step_; }
    FlowResult failure() const { return failure_; }
    std::uint32_t confirmations_left() const { return confirmations_left_; }
    // How many web access confirmations this renewal asks before issuing (BankConfig).
    std::uint32_t confirmations_total() const { return confirmations_total_; }
    const std::string& new_serial() const { return new_serial_; }
    bool key_generation_pending() const { return enrollment_->key_generation_pending(); }
    // WaitingForKey: how far the PC and the bank are (電子証明書発行処理中's progress).
    EnrollmentStage enrollment_stage() const { return enrollment_->stage(); }
    // The protection chosen at ProtectionLevel (中 until then).
    KeyProtection protection() const { return protection_; }

    FlowResult start();
    FlowResult confirm_web_access(bool yes);
    // 中 is what the seed asks to check; 高 needs `password` (set now, asked at every use).
    FlowResult choose_protection(KeyProtection level, std::string password = {});
    FlowResult confirm_install(bool yes);
    FlowResult cancel();

private:
    FlowResult fail(FlowResult why);
    void issued(FlowResult result);
    Bank& bank_;
    Holder holder_;
    std::function<bool()> logged_in_;
    std::unique_ptr<CertificateEnrollment> enrollment_;
    std::string pc_name_;  // where the bank expects the certificate installed
    Step step_ = Step::Start;
    FlowResult failure_ = FlowResult::Ok;
    std::uint32_t confirmations_left_ = 0;
    std::uint32_t confirmations_total_ = 0;
    std::string new_serial_;
    KeyProtection protection_ = KeyProtection::Medium;
};

}  // namespace cp
