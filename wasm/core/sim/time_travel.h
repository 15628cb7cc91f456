// certportal sim: the demo console's clock — moves of the simulated clock (+1 日 / +1 週 / +1 か月 /
// +1 年, or to a chosen date) and a report of the due work each move set off, so the console can
// say what happened (mails sent, branch requests completed, certificates expired, pickup windows
// passed, a new CRL). The bank does the work (Bank::advance_time → process_due_work); this file
// only picks the target and compares the bank before and after, so the report cannot claim
// anything the bank did not do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bank/bank.h"
#include "bank/pki_authority.h"

namespace cp {

enum class ClockStep : std::uint8_t { Day = 0, Week, Month, Year, Count_ };

// The time `step` after `now`: a day, 7 days, the same JST wall time one calendar month or year
// later (the 31st becomes the month's last day; 29 February the 28th).
SimTime clock_step_target(SimTime now, ClockStep step);

enum class ClockEventKind : std::uint8_t {
    MailSent = 0,           // `mail`, to `holder` (the administrator also for the contract)
    BranchRequestDone,      // `request` was processed by the branch
    CertificateExpired,     // `holder`'s certificate passed its 有効期限
    PickupWindowPassed,     // `holder`'s certificate can no longer be picked up (取得可能期間)
    CrlPublished,           // the CA signed CRL number `crl_number`
    Count_
};

struct ClockEvent {
    ClockEventKind kind = ClockEventKind::MailSent;
    Holder holder = Holder::admin();
    MailKind mail = MailKind::RenewalReminder;
    BranchRequestKind request = BranchRequestKind::UnlockPins;
    std::uint64_t crl_number = 0;
    bool operator==(const ClockEvent&) const = default;
};

struct ClockReport {
    SimTime from = 0;
    SimTime to = 0;
    std::vector<ClockEvent> events;  // in the order above: mails, branch, expiry, pickup, CRL
};

// What happened between two states of the same bank (before and after a clock move), and between
// two CRL numbers of its CA.
ClockReport compare_for_clock_report(const BankState& before, const BankState& after, std::uint64_t crl_before,
                                     std::uint64_t crl_after);

// Moves `bank`'s clock to `to` (one audit entry: ClockAdvanced) and reports the due work.
// InvalidInput when `to` is before the bank's now (the clock only moves forward: the TOTP and
// the audit log rely on it), with nothing changed; Ok with an empty report when `to` is now.
FlowResult move_clock(Bank& bank, const PkiAuthority& authority, SimTime to, ClockReport& report);

}  // namespace cp
