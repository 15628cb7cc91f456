#include "procedures/user_login.h"

namespace cp {

UserLogin::UserLogin(Bank& bank, PcServices pc)
    : CertificateLogin(
          bank, pc,
          [this](const tls::Handshake& handshake) {
              return bank_.check_user_certificate(handshake, user_id_);
          },
          Step::Pin),
      bank_(bank) {}

FlowResult UserLogin::enter_pin(std::string_view pin) {
    if (step_ != Step::Pin) return FlowResult::WrongStep;
    const FlowResult r = bank_.check_user_pin(user_id_, pin);
    if (r == BankResult::UserSuspended || r == BankResult::ContractLocked) return fail(r);
    if (r != FlowResult::Ok) return r;
    bank_.record_user_login(user_id_);
    step_ = Step::Menu;
    return r;
}

}  // namespace cp
