#include "bank/user_login.h"

namespace cp {

BankResult UserLogin::fail(BankResult why) {
    step_ = Step::Failed;
    failure_ = why;
    return why;
}

BankResult UserLogin::choose_certificate(const InstalledCertificate& certificate) {
    if (step_ != Step::ChooseCertificate) return BankResult::WrongStep;
    std::vector<std::uint8_t> nonce;
    const BankResult c = bank_.new_login_challenge(nonce);
    if (c != BankResult::Ok) return fail(c);
    certificate_ = certificate.certificate;
    step_ = Step::KeyAccess;
    signer_->start(certificate, std::move(nonce), [this](BankResult r) { signed_in(r); });
    return after_key_step();
}

BankResult UserLogin::grant_key_access(std::string_view password) {
    if (step_ != Step::KeyAccess) return BankResult::WrongStep;
    const BankResult r = signer_->grant(password);
    if (r != BankResult::Ok) return r;  // wrong password: asked again
    return after_key_step();
}

BankResult UserLogin::deny_key_access() {
    if (step_ != Step::KeyAccess) return BankResult::WrongStep;
    signer_->deny();
    return after_key_step();
}

// Where the key step stands after a call: done (signed_in ran), waiting for the device key, or
// still asking.
BankResult UserLogin::after_key_step() {
    if (step_ == Step::KeyAccess && signer_->busy()) step_ = Step::UnlockingKey;
    return step_ == Step::Failed ? failure_ : BankResult::Ok;
}

void UserLogin::signed_in(BankResult result) {
    if (step_ != Step::KeyAccess && step_ != Step::UnlockingKey) return;
    const BankResult r = result == BankResult::Ok ? bank_.check_user_certificate(certificate_, signer_->proof(), user_id_) : result;
    certificate_.clear();
    if (r != BankResult::Ok) {
        (void)fail(r);
        return;
    }
    step_ = Step::Pin;
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
