// certportal procedures: 利用者ログイン with a certificate (電子証明書方式):
//   ChooseCertificate  証明書の選択 (a user certificate of this PC); the PC signs the bank's
//                      challenge with the certificate's key
//   KeyAccess          保護レベル 中: 「アクセス許可の付与」 / 高: the key's password; 低 skips it
//   UnlockingKey       the device key is unsealing the key (asynchronous): the UI waits
//   Pin                利用者暗証番号 → ログオン (a wrong PIN keeps the step, 7 wrong: 利用中止)
//   Menu / Failed      the administrator's certificate is NotUserCertificate
#pragma once

#include <string>

#include "bank/bank.h"
#include "procedures/certificate_login_step.h"

namespace cp {

enum class UserLoginStep : std::uint8_t { ChooseCertificate, KeyAccess, UnlockingKey, Pin, Menu, Failed };

// The certificate part (choose_certificate, key access) is CertificateLogin's.
class UserLogin : public CertificateLogin<UserLoginStep> {
public:
    using Step = UserLoginStep;

    UserLogin(Bank& bank, PcServices pc);
    const std::string& user_id() const { return user_id_; }
    // Past the PIN: the user's pages (and a renewal of their certificate, user_renewal.h).
    bool logged_in() const { return step() == Step::Menu; }

    FlowResult enter_pin(std::string_view pin);

private:
    Bank& bank_;
    std::string user_id_;
};

}  // namespace cp
