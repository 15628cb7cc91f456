#include "portal/bank_view.h"

#include "bank/bank.h"
#include "bank/totp.h"

namespace cp {

SimTime BankView::now() const { return bank_->now(); }
const Contract& BankView::contract() const { return bank_->state().contract; }
const std::vector<User>& BankView::users() const { return bank_->state().users; }
const User* BankView::find_user(std::string_view user_id) const { return bank_->find_user(user_id); }
const CertificateRecord* BankView::certificate_of(const Holder& holder) const { return bank_->record_of(holder); }

const AuditLog& BankView::audit() const { return bank_->state().audit; }
const std::vector<Mail>& BankView::mailbox() const { return bank_->state().mailbox; }
const std::vector<BranchRequest>& BankView::branch_requests() const { return bank_->state().branch_requests; }
std::uint32_t BankView::renewal_window_days() const { return bank_->state().config.renewal_window_days; }
std::size_t BankView::pending_pickups() const { return bank_->pending_pickup_count(); }

unsigned BankView::unread_mail() const {
    unsigned n = 0;
    for (const Mail& m : mailbox())
        if (!m.read) ++n;
    return n;
}

std::vector<const User*> BankView::token_holders() const {
    std::vector<const User*> holders;
    for (const User& u : users())
        if (u.token.registered()) holders.push_back(&u);
    return holders;
}

TokenReading BankView::token(std::string_view user_id) const {
    TokenReading r;
    r.code = bank_->token_display(user_id);
    r.step = static_cast<std::int64_t>(totp_step(now()));
    r.seconds_left = static_cast<unsigned>(kTotpStepSeconds - now() % kTotpStepSeconds);
    r.step_seconds = static_cast<unsigned>(kTotpStepSeconds);
    return r;
}

BranchRequestStatus BankView::status(const BranchRequest& request) const {
    if (request.done) return BranchRequestStatus::Done;
    return now() < request.submitted_at + days(1) ? BranchRequestStatus::Received : BranchRequestStatus::Processing;
}

}  // namespace cp
