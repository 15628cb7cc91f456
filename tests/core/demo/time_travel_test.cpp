// The console's clock: each move runs exactly the work that fell due (mails, branch requests,
// expiry, pickup windows, the CRL) and reports exactly that; the clock never goes back.
#include "sim/time_travel.h"

#include <gtest/gtest.h>

#include <string>

#include "bank/bank_codec.h"
#include "bank_test_support.h"
#include "demo/clock_lines.h"
#include "session_fixture.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::ClockEvent;
using cp::ClockEventKind;
using cp::ClockStep;

cp::SimTime jst(int y, int m, int d, int h = 10) { return cp::from_jst(cp::JstTime{y, m, d, h, 0, 0}); }

ClockEvent mail(cp::MailKind kind, cp::Holder holder) {
    ClockEvent e;
    e.kind = ClockEventKind::MailSent;
    e.mail = kind;
    e.holder = std::move(holder);
    return e;
}
ClockEvent event(ClockEventKind kind, cp::Holder holder = cp::Holder::admin()) {
    ClockEvent e;
    e.kind = kind;
    e.holder = std::move(holder);
    return e;
}
ClockEvent branch(cp::BranchRequestKind kind) {
    ClockEvent e = event(ClockEventKind::BranchRequestDone);
    e.request = kind;
    return e;
}
ClockEvent crl(std::uint64_t number) {
    ClockEvent e = event(ClockEventKind::CrlPublished);
    e.crl_number = number;
    return e;
}

TEST(TimeTravel, StepsAreCalendarStepsInJst) {
    EXPECT_EQ(cp::clock_step_target(jst(2023, 9, 1), ClockStep::Day), jst(2023, 9, 2));
    EXPECT_EQ(cp::clock_step_target(jst(2023, 9, 1), ClockStep::Week), jst(2023, 9, 8));
    EXPECT_EQ(cp::clock_step_target(jst(2023, 9, 1), ClockStep::Month), jst(2023, 10, 1));
    EXPECT_EQ(cp::clock_step_target(jst(2023, 12, 15), ClockStep::Month), jst(2024, 1, 15));
    EXPECT_EQ(cp::clock_step_target(jst(2023, 1, 31), ClockStep::Month), jst(2023, 2, 28));
    EXPECT_EQ(cp::clock_step_target(jst(2024, 1, 31), ClockStep::Month), jst(2024, 2, 29));
    EXPECT_EQ(cp::clock_step_target(jst(2023, 9, 1), ClockStep::Year), jst(2024, 9, 1));
    EXPECT_EQ(cp::clock_step_target(jst(2024, 2, 29), ClockStep::Year), jst(2025, 2, 28));
}

TEST(TimeTravel, ADaySendsOnlyTheReminderThatFellDue) {
    cp::test::TestBank tb;  // 2023-09-01 10:00; S0001 expires 2023-10-02: 30 days before is 09-02
    const std::size_t audit_before = tb.bank->state().audit.entries().size();
    cp::ClockReport r;
    ASSERT_EQ(cp::move_clock(*tb.bank, tb.pki, cp::clock_step_target(tb.bank->now(), ClockStep::Day), r), FlowResult::Ok);
    EXPECT_EQ(r.from, jst(2023, 9, 1));
    EXPECT_EQ(r.to, jst(2023, 9, 2));
    EXPECT_EQ(r.events, (std::vector<ClockEvent>{mail(cp::MailKind::RenewalReminder, cp::Holder::user("S0001"))}));
    EXPECT_EQ(tb.bank->state().audit.entries().at(audit_before).action, cp::AuditAction::ClockAdvanced);
    // The next day: nothing more is due.
    ASSERT_EQ(cp::move_clock(*tb.bank, tb.pki, cp::clock_step_target(tb.bank->now(), ClockStep::Day), r), FlowResult::Ok);
    EXPECT_TRUE(r.events.empty());
}

TEST(TimeTravel, AJumpPastExpirySendsTheExpiryMailAndANewCrl) {
    cp::test::TestBank tb;
    const std::uint64_t crl_before = tb.pki.crl().crl_number();
    cp::ClockReport r;
    ASSERT_EQ(cp::move_clock(*tb.bank, tb.pki, jst(2023, 10, 3), r), FlowResult::Ok);
    // Past expiry only the expiry mail goes (the reminders would be stale); the admin's first
    // reminder (11-01) and S0002's (2024) are not due.
    EXPECT_EQ(r.events, (std::vector<ClockEvent>{mail(cp::MailKind::CertificateExpired, cp::Holder::user("S0001")),
                                                 event(ClockEventKind::CertificateExpired, cp::Holder::user("S0001")), crl(crl_before + 1)}));
    EXPECT_EQ(tb.pki.crl().crl_number(), crl_before + 1);
}

TEST(TimeTravel, ABranchRequestCompletesWhenItsDayComes) {
    cp::test::TestBank tb(cp::Preset::ContractLocked);
    std::uint32_t id = 0;
    ASSERT_EQ(tb.bank->submit_branch_request(cp::BranchRequestKind::UnlockPins, &id), FlowResult::Ok);
    const cp::SimTime ready = tb.bank->state().branch_requests.back().ready_at;
    cp::ClockReport r;
    ASSERT_EQ(cp::move_clock(*tb.bank, tb.pki, ready - 1, r), FlowResult::Ok);
    EXPECT_EQ(r.events, (std::vector<ClockEvent>{mail(cp::MailKind::RenewalReminder, cp::Holder::user("S0001"))}));
    EXPECT_TRUE(tb.bank->state().contract.locked);
    ASSERT_EQ(cp::move_clock(*tb.bank, tb.pki, ready, r), FlowResult::Ok);
    EXPECT_EQ(r.events, (std::vector<ClockEvent>{mail(cp::MailKind::ContractUnlocked, cp::Holder::admin()),
                                                 branch(cp::BranchRequestKind::UnlockPins)}));
    EXPECT_FALSE(tb.bank->state().contract.locked);
}

TEST(TimeTravel, ThePickupWindowPassesTheSecondAfterItsLastDay) {
    cp::test::TestBank tb(cp::Preset::UserPickupPending);
    const cp::SimTime deadline = tb.user("S0001").certificate.pickup_deadline;
    cp::ClockReport r;
    ASSERT_EQ(cp::move_clock(*tb.bank, tb.pki, deadline, r), FlowResult::Ok);
    for (const ClockEvent& e : r.events) EXPECT_NE(e.kind, ClockEventKind::PickupWindowPassed);
    EXPECT_EQ(tb.bank->check_pickup_allowed("S0001"), FlowResult::Ok);
    ASSERT_EQ(cp::move_clock(*tb.bank, tb.pki, deadline + 1, r), FlowResult::Ok);
    EXPECT_EQ(r.events, (std::vector<ClockEvent>{event(ClockEventKind::PickupWindowPassed, cp::Holder::user("S0001"))}));
    EXPECT_EQ(tb.bank->check_pickup_allowed("S0001"), BankResult::PickupWindowPassed);
}

TEST(TimeTravel, TheClockDoesNotGoBackAndStandingStillDoesNothing) {
    cp::test::TestBank tb;
    const auto before = cp::encode_bank_state(tb.bank->state());
    cp::ClockReport r;
    EXPECT_EQ(cp::move_clock(*tb.bank, tb.pki, tb.bank->now() - 1, r), BankResult::InvalidInput);
    EXPECT_EQ(cp::encode_bank_state(tb.bank->state()), before);
    EXPECT_EQ(cp::move_clock(*tb.bank, tb.pki, tb.bank->now(), r), FlowResult::Ok);
    EXPECT_TRUE(r.events.empty());
    EXPECT_EQ(r.from, r.to);
    EXPECT_EQ(cp::encode_bank_state(tb.bank->state()), before);  // not even an audit entry
}

TEST(TimeTravel, EveryEventHasALineNamingWhoItConcerns) {
    for (cp::Language l : {cp::Language::Japanese, cp::Language::English}) {
        const std::string admin = cp::text(cp::TextId::ConsoleHolderAdmin, l);
        EXPECT_NE(cp::clock_event_line(mail(cp::MailKind::RenewalReminder, cp::Holder::admin()), l).find(admin), std::string::npos);
        EXPECT_NE(cp::clock_event_line(mail(cp::MailKind::CertificateExpired, cp::Holder::user("S0001")), l).find("S0001"), std::string::npos);
        EXPECT_NE(cp::clock_event_line(event(ClockEventKind::CertificateExpired, cp::Holder::user("S0002")), l).find("S0002"), std::string::npos);
        EXPECT_NE(cp::clock_event_line(event(ClockEventKind::PickupWindowPassed, cp::Holder::user("S0001")), l).find("S0001"), std::string::npos);
        EXPECT_NE(cp::clock_event_line(crl(42), l).find("42"), std::string::npos);
        const std::string form = cp::text(cp::TextId::BranchFormCard, l);
        EXPECT_NE(cp::clock_event_line(branch(cp::BranchRequestKind::ReissueCard), l).find(form), std::string::npos);
    }
}

TEST(TimeTravel, TheSessionReportsTheMoveAndRefusesGoingBack) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    ASSERT_TRUE(page.apply(cp::cmd::StartAdminLogin{}));
    const cp::SimTime now = page.bank().now();
    ASSERT_TRUE(page.apply(cp::cmd::MoveClockTo{cp::clock_step_target(now, ClockStep::Day)}));
    EXPECT_EQ(page.session.last_result(), FlowResult::Ok);
    EXPECT_EQ(page.session.admin_flow(), nullptr);  // time passing ends the login
    EXPECT_EQ(page.session.clock_report().events,
              (std::vector<ClockEvent>{mail(cp::MailKind::RenewalReminder, cp::Holder::user("S0001"))}));
    const cp::SimTime later = page.bank().now();
    page.apply(cp::cmd::MoveClockTo{now});
    EXPECT_EQ(page.session.last_result(), BankResult::InvalidInput);
    EXPECT_EQ(page.bank().now(), later);
    // A reset forgets the report (it was about the world replaced).
    page.load_preset(cp::Preset::SeedWorld);
    EXPECT_TRUE(page.session.clock_report().events.empty());
}

}  // namespace
