#include "portal/flows/admin_pickup_flow.h"

namespace cp {

AdminPickupFlow::AdminPickupFlow(Bank& bank, PcCertificateStore& store, PcServices pc) : bank_(bank), pickup_(bank, store, pc) {}

AdminPickupFlow::~AdminPickupFlow() {
    if (pickup_.step() != AdminPickup::Step::Installed && pickup_.step() != AdminPickup::Step::Failed) (void)pickup_.cancel();
    view_.contract_pin.wipe();
}

AdminPickupFlow::Screen AdminPickupFlow::screen() const {
    switch (pickup_.step()) {
        case AdminPickup::Step::EnterIds: return Screen::EnterIds;
        case AdminPickup::Step::ConfirmWebAccess: return Screen::WebAccess;
        case AdminPickup::Step::WaitingForKey: return Screen::Issuing;
        case AdminPickup::Step::Installed: return Screen::Done;
        case AdminPickup::Step::Failed: return Screen::Failed;
    }
    return Screen::Failed;
}

FlowResult AdminPickupFlow::apply(const PickupCommand& command) {
    return outcome_of(FormEffect::Submit, [&] {
        return std::visit(
        overloaded{
            [&](const cmd::SubmitPickupIds& c) -> FlowResult {
                const InputError id = validate_contract_id(c.contract_id);
                set_field_error(Field::ContractId, id);
                // What the form refuses never reaches the bank and costs no try (docs/domain.md).
                const InputError pin = validate_contract_pin(c.contract_pin.reveal());
                set_field_error(Field::ContractPin, pin);
                if (id != InputError::None || pin != InputError::None) {
                    view_.contract_pin.wipe();
                    return BankResult::InvalidInput;
                }
                const FlowResult r = pickup_.enter_ids(c.contract_id, c.contract_pin.reveal());
                view_.contract_pin.wipe();
                if (r == BankResult::WrongContractPin) tries_left_ = bank_.contract_pin_tries_left();
                return r;
            },
            [&](const cmd::AnswerPickupWebAccess& c) -> FlowResult { return pickup_.confirm_web_access(c.yes); },
        },
        command);
    });
}

}  // namespace cp
