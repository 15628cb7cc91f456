#include "procedures/admin_login.h"

namespace cp {

AdminLogin::AdminLogin(Bank& bank, PcServices pc)
    : CertificateLogin(
          bank, pc,
          [this](const tls::Handshake& handshake) {
              return bank_.check_admin_certificate(handshake);
          },
          Step::ContractPin),
      bank_(bank) {}

FlowResult AdminLogin::enter_contract_pin(std::string_view pin) {
    if (step_ != Step::ContractPin) return FlowResult::WrongStep;
    const FlowResult r = bank_.check_contract_pin(pin);
    if (r == BankResult::ContractLocked) return fail(r);
    if (r != FlowResult::Ok) return r;  // wrong or empty: try again
    return enter_card_step();
}

FlowResult AdminLogin::enter_card_step() {
    const FlowResult r = bank_.new_card_challenge(challenge_);
    if (r != FlowResult::Ok) return fail(r);  // CardLost / ContractLocked
    step_ = Step::CardChallenge;
    return FlowResult::Ok;
}

FlowResult AdminLogin::answer_card(std::string_view first, std::string_view second) {
    if (step_ != Step::CardChallenge) return FlowResult::WrongStep;
    const FlowResult r = bank_.check_card_answers(challenge_, first, second);
    if (r == BankResult::ContractLocked || r == BankResult::CardLost) return fail(r);
    if (r == BankResult::WrongCardAnswer) {
        const FlowResult again = bank_.new_card_challenge(challenge_);  // a new pair each try
        return again == FlowResult::Ok ? r : fail(again);
    }
    if (r != FlowResult::Ok) return r;  // malformed answer: same challenge
    notices_ = bank_.admin_notices();
    if (notices_.empty()) finish_login();
    else step_ = Step::Notices;
    return FlowResult::Ok;
}

FlowResult AdminLogin::acknowledge_notices(bool hide_for_a_while) {
    if (step_ != Step::Notices) return FlowResult::WrongStep;
    if (hide_for_a_while) bank_.hide_notices_for_a_while();
    finish_login();
    return FlowResult::Ok;
}

void AdminLogin::finish_login() {
    bank_.record_admin_login();
    step_ = Step::Menu;
}

}  // namespace cp
