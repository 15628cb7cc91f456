// certportal bank: 利用者ログイン with a certificate (電子証明書方式):
//   ChooseCertificate  証明書の選択 (a user certificate of this PC)
//   Pin                利用者暗証番号 → ログオン (a wrong PIN keeps the step, 7 wrong: 利用中止)
//   Menu / Failed
#pragma once

#include "bank/bank.h"

namespace cp {

class UserLogin {
public:
    enum class Step : std::uint8_t { ChooseCertificate, Pin, Menu, Failed };

    explicit UserLogin(Bank& bank) : bank_(bank) {}
    Step step() const { return step_; }
    BankResult failure() const { return failure_; }
    const std::string& user_id() const { return user_id_; }

    BankResult choose_certificate(const InstalledCertificate& certificate);
    BankResult enter_pin(std::string_view pin);

private:
    BankResult fail(BankResult why);
    Bank& bank_;
    Step step_ = Step::ChooseCertificate;
    BankResult failure_ = BankResult::Ok;
    std::string user_id_;
};

}  // namespace cp
