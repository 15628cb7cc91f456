// certportal procedures: 利用者ログイン with a certificate (電子証明書方式):
//   ChooseCertificate  証明書の選択 (a user certificate of this PC); the PC signs the bank's
//                      challenge with the certificate's key
//   KeyAccess          保護レベル 中: 「アクセス許可の付与」 / 高: the key's password; 低 skips it
//   UnlockingKey       the device key is unsealing the key (asynchronous): the UI waits
//   Pin                利用者暗証番号 → ログオン (a wrong PIN keeps the step, 7 wrong: 利用中止)
//   Menu / Failed      the administrator's certificate is NotUserCertificate
#pragma once

#include <memory>

#include "bank/bank.h"
#include "procedures/certificate_login_step.h"

namespace cp {

class UserLogin {
public:
    enum class Step : std::uint8_t { ChooseCertificate, KeyAccess, UnlockingKey, Pin, Menu, Failed };

    UserLogin(Bank& bank, PcServices pc);
    Step step() const { return certificate_step_->login_step(step_); }
    BankResult failure() const { return failure_; }
    const std::string& user_id() const { return user_id_; }
    // Past the PIN: the user's pages (and a renewal of their certificate, user_renewal.h).
    bool logged_in() const { return step() == Step::Menu; }

    BankResult choose_certificate(const InstalledCertificate& certificate) { return certificate_step_->choose(certificate); }
    bool key_access_needs_password() const { return certificate_step_->needs_password(); }
    BankResult grant_key_access(std::string_view password = {}) { return certificate_step_->grant(password); }
    BankResult deny_key_access() { return certificate_step_->deny(); }
    BankResult enter_pin(std::string_view pin);

private:
    BankResult fail(BankResult why);
    void certificate_checked(BankResult result);

    Bank& bank_;
    std::unique_ptr<CertificateLoginStep> certificate_step_;  // ChooseCertificate .. UnlockingKey
    Step step_ = Step::ChooseCertificate;
    BankResult failure_ = BankResult::Ok;
    std::string user_id_;
};

}  // namespace cp
