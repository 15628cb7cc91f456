#include "sim/time_travel.h"

#include <algorithm>
#include <utility>

namespace cp {
namespace {

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

SimTime add_months(SimTime now, int months) {
    JstTime t = to_jst(now);
    const int index = t.year * 12 + (t.month - 1) + months;
    t.year = index / 12;
    t.month = index % 12 + 1;
    t.day = std::min(t.day, days_in_month(t.year, t.month));
    return from_jst(t);
}

std::uint64_t crl_number(const PkiAuthority& authority) {
    return authority.crl().has_crl_number() ? authority.crl().crl_number() : 0;
}

// The holder of each certificate record, in the bank's order: the administrator, then each user.
template <class Visit>
void each_record(const BankState& before, const BankState& after, Visit visit) {
    visit(Holder::admin(), before.contract.admin_certificate, after.contract.admin_certificate);
    for (const User& u : after.users)
        for (const User& b : before.users)
            if (b.id == u.id) visit(Holder::user(u.id), b.certificate, u.certificate);
}

}  // namespace

SimTime clock_step_target(SimTime now, ClockStep step) {
    switch (step) {
    case ClockStep::Day: return now + days(1);
    case ClockStep::Week: return now + days(7);
    case ClockStep::Month: return add_months(now, 1);
    case ClockStep::Year: return add_months(now, 12);
    case ClockStep::Count_: break;
    }
    return now;
}

ClockReport compare_for_clock_report(const BankState& before, const BankState& after, std::uint64_t crl_before,
                                     std::uint64_t crl_after) {
    ClockReport r;
    r.from = before.now;
    r.to = after.now;
    for (std::size_t i = before.mailbox.size(); i < after.mailbox.size(); ++i) {
        ClockEvent e;
        e.kind = ClockEventKind::MailSent;
        e.holder = after.mailbox[i].holder;
        e.mail = after.mailbox[i].kind;
        r.events.push_back(std::move(e));
    }
    for (const BranchRequest& q : after.branch_requests) {
        bool was_done = false;
        for (const BranchRequest& b : before.branch_requests)
            if (b.id == q.id) was_done = b.done;
        if (q.done && !was_done) {
            ClockEvent e;
            e.kind = ClockEventKind::BranchRequestDone;
            e.request = q.kind;
            r.events.push_back(std::move(e));
        }
    }
    each_record(before, after, [&](const Holder& holder, const CertificateRecord& b, const CertificateRecord& a) {
        if (effective_status(b, before.now) != CertStatus::Expired && effective_status(a, after.now) == CertStatus::Expired &&
            b.serial == a.serial) {
            ClockEvent e;
            e.kind = ClockEventKind::CertificateExpired;
            e.holder = holder;
            r.events.push_back(std::move(e));
        }
    });
    each_record(before, after, [&](const Holder& holder, const CertificateRecord& b, const CertificateRecord& a) {
        if (b.status == CertStatus::PendingPickup && a.status == CertStatus::PendingPickup &&
            b.pickup_deadline == a.pickup_deadline && before.now <= b.pickup_deadline && after.now > a.pickup_deadline) {
            ClockEvent e;
            e.kind = ClockEventKind::PickupWindowPassed;
            e.holder = holder;
            r.events.push_back(std::move(e));
        }
    });
    if (crl_after != crl_before) {
        ClockEvent e;
        e.kind = ClockEventKind::CrlPublished;
        e.crl_number = crl_after;
        r.events.push_back(std::move(e));
    }
    return r;
}

FlowResult move_clock(Bank& bank, const PkiAuthority& authority, SimTime to, ClockReport& report) {
    if (to < bank.now()) return BankResult::InvalidInput;
    report = ClockReport{bank.now(), bank.now(), {}};
    if (to == bank.now()) return FlowResult::Ok;  // nothing passes: no audit entry either
    const BankState before = bank.state();
    const std::uint64_t crl_before = crl_number(authority);
    const FlowResult r = bank.advance_time(to - bank.now());
    if (r != FlowResult::Ok) return r;
    report = compare_for_clock_report(before, bank.state(), crl_before, crl_number(authority));
    return FlowResult::Ok;
}

}  // namespace cp
