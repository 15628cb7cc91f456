// certportal bank: 証明書更新 of the administrator certificate (the seed's steps (6)-(12)):
//   Start             証明書更新 → 更新 (only inside the renewal window)
//   ConfirmWebAccess  「この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。」
//                     はい — once or twice depending on the OS (BankConfig::web_access_confirmations)
//   ProtectionLevel   「アプリケーションは保護されたアイテムを作成しています。」 (中) → OK
//   ConfirmInstall    after 電子証明書発行処理中: the same question again → はい
//   Done              「電子証明書のインストールが完了しました」: the new certificate is in
//                     管理者のパソコン next to the old one (delete the old one: CertificateDeletion)
//   Failed            いいえ before issuing changes nothing; いいえ at the install revokes the new
//                     certificate and the old one stays in use
#pragma once

#include "bank/admin_login.h"
#include "bank/pc_certificate_store.h"

namespace cp {

class AdminRenewal {
public:
    enum class Step : std::uint8_t { Start, ConfirmWebAccess, ProtectionLevel, ConfirmInstall, Done, Failed };

    AdminRenewal(Bank& bank, const AdminLogin& session, PcCertificateStore& admin_pc)
        : bank_(bank), session_(session), pc_(admin_pc) {}

    Step step() const { return step_; }
    BankResult failure() const { return failure_; }
    std::uint32_t confirmations_left() const { return confirmations_left_; }
    const std::string& new_serial() const { return new_serial_; }

    BankResult start();
    BankResult confirm_web_access(bool yes);
    BankResult choose_protection(KeyProtection level);
    BankResult confirm_install(bool yes);

private:
    BankResult fail(BankResult why);
    Bank& bank_;
    const AdminLogin& session_;
    PcCertificateStore& pc_;
    Step step_ = Step::Start;
    BankResult failure_ = BankResult::Ok;
    std::uint32_t confirmations_left_ = 0;
    InstalledCertificate issued_;
    std::string new_serial_;
};

}  // namespace cp
