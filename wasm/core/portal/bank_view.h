// certportal portal: what the screens read of the bank. wasm/ui never holds a Bank (a check keeps
// it so: tests/ui/check_ui_reads_portal.py); it reads a BankView — the records as they stand, and
// the answers to the questions the pages ask (how many pickups wait, how many mails are unread,
// what the token shows, where a branch request stands), each answered here, once, in core.
//
// A BankView is a small value made on demand by the Session (bank_view(): none before the world
// is ready) and by the flows (bank_view()); it points at the running bank, so it is read in the
// frame it is made in (a reset or an import replaces the bank).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bank/bank_state.h"

namespace cp {

class Bank;

// The desk's token (ワンタイムパスワード) as its display shows it now.
struct TokenReading {
    std::string code;            // the 6-digit code of this 30 s step ("" without a token)
    std::int64_t step = 0;       // which 30 s step: the display is woken for one step (「1」)
    unsigned seconds_left = 0;   // until the next code
    unsigned step_seconds = 0;   // the step's length (the bar under the digits)
};

// Where a paper form handed in at the branch stands: 受付 the day it is handed in, 処理中 until the
// bank's delay has passed, then 完了.
enum class BranchRequestStatus : std::uint8_t { Received, Processing, Done, Count_ };

class BankView {
public:
    explicit BankView(const Bank& bank) : bank_(&bank) {}

    SimTime now() const;                            // the simulated clock
    const Contract& contract() const;
    const std::vector<User>& users() const;
    const User* find_user(std::string_view user_id) const;
    // The holder's certificate record (nullptr for an unknown user).
    const CertificateRecord* certificate_of(const Holder& holder) const;
    const AuditLog& audit() const;
    const std::vector<Mail>& mailbox() const;
    const std::vector<BranchRequest>& branch_requests() const;
    // 証明書更新 is offered this many days before expiry (the menu says so outside the window).
    std::uint32_t renewal_window_days() const;

    // ご契約先ステータス表示's 電子証明書取得待ち: users whose certificate awaits its pickup.
    std::size_t pending_pickups() const;
    // The desk's 「メール (2)」.
    unsigned unread_mail() const;
    // The users who hold a token, in the bank's order (the token panel offers one each).
    std::vector<const User*> token_holders() const;
    // What `user_id`'s token shows now.
    TokenReading token(std::string_view user_id) const;
    BranchRequestStatus status(const BranchRequest& request) const;

private:
    const Bank* bank_;
};

}  // namespace cp
