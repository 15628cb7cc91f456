#include "procedures/admin_pickup.h"

namespace cp {

AdminPickup::AdminPickup(Bank& bank, PcCertificateStore& pc, PcServices services)
    : bank_(bank), enrollment_(std::make_unique<CertificateEnrollment>(pc, services)), pc_name_(pc.name) {}

FlowResult AdminPickup::fail(FlowResult why) {
    step_ = Step::Failed;
    failure_ = why;
    contract_pin_.clear();
    enrollment_->cancel();  // nothing reaches 管理者のパソコン
    return why;
}

FlowResult AdminPickup::enter_ids(std::string_view contract_id, std::string_view contract_pin) {
    if (step_ != Step::EnterIds) return FlowResult::WrongStep;
    if (auto e = validate_contract_id(contract_id); e != InputError::None) return BankResult::InvalidInput;
    if (contract_id != bank_.state().contract.id) return BankResult::UnknownContractOrUser;
    const FlowResult pin = bank_.check_contract_pin(contract_pin);
    if (pin == BankResult::WrongContractPin) return pin;  // typed again; counted toward the lock
    if (pin != FlowResult::Ok) return fail(pin);          // locked: the branch
    const CertificateRecord& rec = bank_.state().contract.admin_certificate;
    if (rec.status != CertStatus::PendingPickup) return fail(BankResult::NoPendingCertificate);
    if (bank_.now() > rec.pickup_deadline) return fail(BankResult::PickupWindowPassed);
    contract_id_ = std::string(contract_id);
    contract_pin_ = pki::SecretBytes(pki::as_bytes(contract_pin));
    enrollment_->prepare_key();  // speculatively, while the person reads the confirmation
    step_ = Step::ConfirmWebAccess;
    return FlowResult::Ok;
}

FlowResult AdminPickup::confirm_web_access(bool yes) {
    if (step_ != Step::ConfirmWebAccess) return FlowResult::WrongStep;
    if (!yes) return fail(FlowResult::Cancelled);  // nothing issued: the reissue is still pending
    step_ = Step::WaitingForKey;
    Bank& bank = bank_;
    enrollment_->enroll(
        bank_.admin_subject(), KeyChoice{},
        [this, &bank](std::span<const std::uint8_t> csr, IssuedCertificate& out) {
            const std::string_view pin(reinterpret_cast<const char*>(contract_pin_.view().data()), contract_pin_.view().size());
            return bank.pickup_admin_certificate(contract_id_, pin, csr, out, pc_name_);
        },
        [this](FlowResult r) { issued(r); });
    return step_ == Step::Failed ? failure_ : FlowResult::Ok;
}

void AdminPickup::issued(FlowResult result) {
    if (step_ != Step::WaitingForKey) return;
    contract_pin_.clear();
    if (result != FlowResult::Ok) {
        (void)fail(result);
        return;
    }
    const IssuedCertificate issued = enrollment_->issued();
    if (enrollment_->install() != FlowResult::Ok) {
        bank_.report_install_failed(Holder::admin(), issued.serial, BankResult::IssuingFailed);
        (void)fail(BankResult::IssuingFailed);
        return;
    }
    installed_serial_ = issued.serial;
    step_ = Step::Installed;
}

FlowResult AdminPickup::cancel() {
    if (step_ == Step::Installed || step_ == Step::Failed) return FlowResult::WrongStep;
    // WaitingForKey: the bank issues only at the very end of the PC's work, so nothing was issued.
    return fail(FlowResult::Cancelled);
}

}  // namespace cp
