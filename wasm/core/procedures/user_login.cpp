#include "procedures/user_login.h"

namespace cp {

UserLogin::UserLogin(Bank& bank, PcServices pc)
    : bank_(bank),
      certificate_step_(std::make_unique<CertificateLoginStep>(
          bank, pc,
          [this](const std::vector<std::uint8_t>& certificate, const LoginProof& proof) {
              return bank_.check_user_certificate(certificate, proof, user_id_);
          },
          [this](BankResult r) { certificate_checked(r); })) {}

BankResult UserLogin::fail(BankResult why) {
    step_ = Step::Failed;
    failure_ = why;
    return why;
}

void UserLogin::certificate_checked(BankResult result) {
    // fail() returns `result` back for callers that return it; here the step is the outcome.
    if (result != BankResult::Ok) (void)fail(result);
    else step_ = Step::Pin;
}

BankResult UserLogin::enter_pin(std::string_view pin) {
    if (step_ != Step::Pin) return BankResult::WrongStep;
    const BankResult r = bank_.check_user_pin(user_id_, pin);
    if (r == BankResult::UserSuspended || r == BankResult::ContractLocked) return fail(r);
    if (r != BankResult::Ok) return r;
    bank_.record_user_login(user_id_);
    step_ = Step::Menu;
    return r;
}

}  // namespace cp
