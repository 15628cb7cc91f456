#include "bank/admin_login.h"

namespace cp {

BankResult AdminLogin::fail(BankResult why) {
    step_ = Step::Failed;
    failure_ = why;
    return why;
}

BankResult AdminLogin::choose_certificate(const InstalledCertificate& certificate) {
    if (step_ != Step::ChooseCertificate) return BankResult::WrongStep;
    std::vector<std::uint8_t> nonce;
    const BankResult c = bank_.new_login_challenge(nonce);
    if (c != BankResult::Ok) return fail(c);
    certificate_ = certificate.certificate;
    step_ = Step::KeyAccess;
    signer_->start(certificate, std::move(nonce), [this](BankResult r) { signed_in(r); });
    return after_key_step();
}

BankResult AdminLogin::grant_key_access(std::string_view password) {
    if (step_ != Step::KeyAccess) return BankResult::WrongStep;
    const BankResult r = signer_->grant(password);
    if (r != BankResult::Ok) return r;  // wrong password: asked again
    return after_key_step();
}

BankResult AdminLogin::deny_key_access() {
    if (step_ != Step::KeyAccess) return BankResult::WrongStep;
    signer_->deny();
    return after_key_step();
}

// Where the key step stands after a call: done (signed_in ran), waiting for the device key, or
// still asking.
BankResult AdminLogin::after_key_step() {
    if (step_ == Step::KeyAccess && signer_->busy()) step_ = Step::UnlockingKey;
    return step_ == Step::Failed ? failure_ : BankResult::Ok;
}

void AdminLogin::signed_in(BankResult result) {
    if (step_ != Step::KeyAccess && step_ != Step::UnlockingKey) return;
    const BankResult r = result == BankResult::Ok ? bank_.check_admin_certificate(certificate_, signer_->proof()) : result;
    certificate_.clear();
    if (r != BankResult::Ok) {
        (void)fail(r);
        return;
    }
    step_ = Step::ContractPin;
}

BankResult AdminLogin::enter_contract_pin(std::string_view pin) {
    if (step_ != Step::ContractPin) return BankResult::WrongStep;
    const BankResult r = bank_.check_contract_pin(pin);
    if (r == BankResult::ContractLocked) return fail(r);
    if (r != BankResult::Ok) return r;  // wrong or empty: try again
    return enter_card_step();
}

BankResult AdminLogin::enter_card_step() {
    const BankResult r = bank_.new_card_challenge(challenge_);
    if (r != BankResult::Ok) return fail(r);  // CardLost / ContractLocked
    step_ = Step::CardChallenge;
    return BankResult::Ok;
}

BankResult AdminLogin::answer_card(std::string_view first, std::string_view second) {
    if (step_ != Step::CardChallenge) return BankResult::WrongStep;
    const BankResult r = bank_.check_card_answers(challenge_, first, second);
    if (r == BankResult::ContractLocked || r == BankResult::CardLost) return fail(r);
    if (r == BankResult::WrongCardAnswer) {
        const BankResult again = bank_.new_card_challenge(challenge_);  // a new pair each try
        return again == BankResult::Ok ? r : fail(again);
    }
    if (r != BankResult::Ok) return r;  // malformed answer: same challenge
    notices_ = bank_.admin_notices();
    if (notices_.empty()) finish_login();
    else step_ = Step::Notices;
    return BankResult::Ok;
}

BankResult AdminLogin::acknowledge_notices(bool hide_for_a_while) {
    if (step_ != Step::Notices) return BankResult::WrongStep;
    if (hide_for_a_while) bank_.hide_notices_for_a_while();
    finish_login();
    return BankResult::Ok;
}

void AdminLogin::finish_login() {
    bank_.record_admin_login();
    step_ = Step::Menu;
}

}  // namespace cp
