// Tasks' goals on the real state: each check of the vocabulary flips exactly when the bank and the
// PCs reach it by the seeds' procedures (run through the procedures, as the bank's tests do), and
// what happened before the task started does not count.
#include "tasks/goal.h"

#include <gtest/gtest.h>

#include <set>

#include "bank_test_support.h"
#include "demo/scenarios.h"
#include "procedures/admin_renewal.h"
#include "procedures/certificate_deletion.h"
#include "procedures/user_login.h"
#include "procedures/user_pickup.h"
#include "tasks/task.h"

namespace {

using cp::CheckKind;
using cp::FlowResult;
using cp::Holder;
using cp::PcId;

cp::WorldState world(cp::test::TestBank& tb) { return {*tb.bank, tb.world.admin_pc, tb.world.user_pc}; }

bool holds(cp::test::TestBank& tb, const cp::TaskStart& start, CheckKind kind, Holder holder = Holder::admin(),
           PcId pc = PcId::Admin) {
    return cp::check_holds(cp::Check{kind, std::move(holder), pc}, world(tb), start);
}

std::vector<bool> report(cp::test::TestBank& tb, const char* task, const cp::TaskStart& start) {
    const cp::Task* t = cp::find_builtin_task(task);
    EXPECT_NE(t, nullptr) << task;
    return t != nullptr ? cp::evaluate(t->goal, world(tb), start).met : std::vector<bool>{};
}

// S0001 logs on with `certificate` (利用者ログイン: 証明書の選択, 利用者暗証番号).
void user_logs_on(cp::test::TestBank& tb, const cp::InstalledCertificate& certificate) {
    cp::UserLogin login(*tb.bank, tb.user_pc.services());
    ASSERT_EQ(cp::test::choose(login, certificate), FlowResult::Ok);
    ASSERT_EQ(login.enter_pin(cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
}

void admin_logs_on(cp::test::TestBank& tb) {
    cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(cp::test::login_admin(tb, login));
}

// Seed 001 from the expired certificate to S0001 logged on with the new one; the goal is met only
// at the last step, and each check on the way when its state is reached.
TEST(TaskGoal, UserReissueIsMetWhenS0001LogsOnWithThePickedUpCertificate) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    const cp::TaskStart start = cp::task_start(*tb.bank);
    const Holder s0001 = Holder::user("S0001");
    EXPECT_EQ(report(tb, "user-reissue", start), (std::vector<bool>{false, false, false}));
    EXPECT_FALSE(holds(tb, start, CheckKind::AwaitsPickup, s0001));

    cp::test::reissue(tb, "S0001");
    EXPECT_TRUE(holds(tb, start, CheckKind::AwaitsPickup, s0001));
    EXPECT_EQ(report(tb, "user-reissue", start), (std::vector<bool>{false, false, false}));

    cp::UserPickup p(*tb.bank, tb.world.user_pc, tb.user_pc.services());
    cp::test::to_app_ready(tb, p);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    ASSERT_EQ(p.finish(), FlowResult::Ok);
    EXPECT_EQ(report(tb, "user-reissue", start), (std::vector<bool>{false, false, false}))
        << "installed but not yet confirmed by the bank (the PC has not saved it)";
    cp::test::pc_saved(tb);
    EXPECT_FALSE(holds(tb, start, CheckKind::AwaitsPickup, s0001));
    EXPECT_TRUE(holds(tb, start, CheckKind::HoldsCurrentCertificate, s0001, PcId::User));
    EXPECT_FALSE(holds(tb, start, CheckKind::HoldsCurrentCertificate, s0001, PcId::Admin)) << "another PC";
    EXPECT_EQ(report(tb, "user-reissue", start), (std::vector<bool>{true, true, false}));

    user_logs_on(tb, *tb.world.user_pc.find(p.installed_serial()));
    EXPECT_EQ(report(tb, "user-reissue", start), (std::vector<bool>{true, true, true}));
    EXPECT_TRUE(cp::evaluate(cp::find_builtin_task("user-reissue")->goal, world(tb), start).all_met());
}

// A login with the old certificate, or one before the task began, does not count.
TEST(TaskGoal, OnlyALoginWithTheCurrentCertificateSinceTheStartCounts) {
    cp::test::TestBank tb(cp::Preset::SeedWorld);
    const Holder s0001 = Holder::user("S0001");
    user_logs_on(tb, tb.user_cert("S0001"));
    admin_logs_on(tb);
    const cp::TaskStart start = cp::task_start(*tb.bank);
    EXPECT_FALSE(holds(tb, start, CheckKind::LoggedOnWithCurrentSince, s0001)) << "before the start";
    EXPECT_FALSE(holds(tb, start, CheckKind::LoggedOnWithCurrentSince)) << "before the start";
    EXPECT_TRUE(holds(tb, cp::TaskStart{}, CheckKind::LoggedOnWithCurrentSince, s0001)) << "counted from the first entry";

    // A certificate check that passed, but the login not completed (wrong PIN): not logged on.
    {
        cp::UserLogin login(*tb.bank, tb.user_pc.services());
        ASSERT_EQ(cp::test::choose(login, tb.user_cert("S0001")), FlowResult::Ok);
        EXPECT_NE(login.enter_pin("wrong0001"), FlowResult::Ok);
    }
    EXPECT_FALSE(holds(tb, start, CheckKind::LoggedOnWithCurrentSince, s0001));
    // S0002's login is not S0001's.
    {
        cp::UserLogin login(*tb.bank, tb.user_pc.services());
        ASSERT_EQ(cp::test::choose(login, tb.user_cert("S0002")), FlowResult::Ok);
        ASSERT_EQ(login.enter_pin(cp::kSeedSecrets.s0002_pin), FlowResult::Ok);
    }
    EXPECT_FALSE(holds(tb, start, CheckKind::LoggedOnWithCurrentSince, s0001));
    user_logs_on(tb, tb.user_cert("S0001"));
    EXPECT_TRUE(holds(tb, start, CheckKind::LoggedOnWithCurrentSince, s0001));
    EXPECT_FALSE(holds(tb, start, CheckKind::LoggedOnWithCurrentSince)) << "the administrator has not";
    EXPECT_FALSE(holds(tb, start, CheckKind::NewCertificateSince, s0001)) << "the same certificate as at the start";
}

// Seed 000: renewed, the old certificate deleted, logged on with the new one.
TEST(TaskGoal, AdminRenewalNeedsTheOldCertificateDeletedAndALogonWithTheNew) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    const cp::TaskStart start = cp::task_start(*tb.bank);
    const std::string old_serial = tb.admin_cert().serial;
    EXPECT_EQ(report(tb, "admin-renewal", start), (std::vector<bool>{false, true, true, false}))
        << "the old certificate is current and alone until the renewal";
    std::string new_serial;
    {
        cp::AdminLogin login(*tb.bank, tb.admin_pc.services());
        ASSERT_TRUE(cp::test::login_admin(tb, login));
        cp::AdminRenewal r(*tb.bank, login, tb.world.admin_pc, tb.admin_pc.services());
        ASSERT_EQ(r.start(), FlowResult::Ok);
        ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
        ASSERT_EQ(r.confirm_web_access(true), FlowResult::Ok);
        ASSERT_EQ(r.choose_protection(cp::KeyProtection::Medium), FlowResult::Ok);
        ASSERT_EQ(r.confirm_install(true), FlowResult::Ok);
        cp::test::pc_saved(tb);
        new_serial = r.new_serial();
    }
    EXPECT_EQ(report(tb, "admin-renewal", start), (std::vector<bool>{true, true, false, false}))
        << "renewed; the old certificate still on the PC; the logon was with the old one";
    cp::CertificateDeletion del(tb.world.admin_pc, tb.bank->now());
    ASSERT_EQ(del.select(old_serial), FlowResult::Ok);
    ASSERT_EQ(del.confirm(true), FlowResult::Ok);
    EXPECT_EQ(report(tb, "admin-renewal", start), (std::vector<bool>{true, true, true, false}));
    admin_logs_on(tb);
    EXPECT_EQ(report(tb, "admin-renewal", start), (std::vector<bool>{true, true, true, true}));

    // Deleting the new one instead breaks it, whatever else is true.
    cp::CertificateDeletion wrong(tb.world.admin_pc, tb.bank->now());
    ASSERT_EQ(wrong.select(new_serial), FlowResult::Ok);
    ASSERT_EQ(wrong.confirm(true), FlowResult::Ok);
    EXPECT_FALSE(holds(tb, start, CheckKind::HoldsCurrentCertificate, Holder::admin(), PcId::Admin));
}

TEST(TaskGoal, RecoveriesUnlockTheContractAndReplaceTheCard) {
    {
        cp::test::TestBank tb(cp::Preset::ContractLocked);
        const cp::TaskStart start = cp::task_start(*tb.bank);
        EXPECT_EQ(report(tb, "contract-unlock", start), (std::vector<bool>{false, false}));
        ASSERT_EQ(tb.bank->submit_branch_request(cp::BranchRequestKind::UnlockPins), FlowResult::Ok);
        ASSERT_EQ(tb.bank->advance_time(cp::days(tb.bank->state().config.unlock_days)), FlowResult::Ok);
        EXPECT_EQ(report(tb, "contract-unlock", start), (std::vector<bool>{true, false}));
        admin_logs_on(tb);
        EXPECT_EQ(report(tb, "contract-unlock", start), (std::vector<bool>{true, true}));
    }
    {
        cp::test::TestBank tb(cp::Preset::CardLost);
        const cp::TaskStart start = cp::task_start(*tb.bank);
        EXPECT_EQ(report(tb, "card-replaced", start), (std::vector<bool>{false, false}));
        ASSERT_EQ(tb.bank->submit_branch_request(cp::BranchRequestKind::ReissueCard), FlowResult::Ok);
        ASSERT_EQ(tb.bank->advance_time(cp::days(tb.bank->state().config.card_reissue_max_days)), FlowResult::Ok);
        EXPECT_EQ(report(tb, "card-replaced", start), (std::vector<bool>{true, false}));
        admin_logs_on(tb);
        EXPECT_EQ(report(tb, "card-replaced", start), (std::vector<bool>{true, true}));
    }
}

TEST(TaskGoal, RevokedSuspendedAndUnknownHolders) {
    cp::test::TestBank tb(cp::Preset::SeedWorld);
    const cp::TaskStart start = cp::task_start(*tb.bank);
    const Holder s0002 = Holder::user("S0002");
    EXPECT_FALSE(holds(tb, start, CheckKind::Revoked, s0002));
    EXPECT_TRUE(holds(tb, start, CheckKind::UserActive, s0002));
    ASSERT_EQ(tb.bank->apply_user_certificate_action("S0002", cp::UserCertificateAction::Revoke,
                                                    cp::kSeedSecrets.confirmation_pin, "lost"),
              FlowResult::Ok);
    EXPECT_TRUE(holds(tb, start, CheckKind::Revoked, s0002));
    EXPECT_FALSE(holds(tb, start, CheckKind::HoldsCurrentCertificate, s0002, PcId::User)) << "revoked is not valid";
    EXPECT_FALSE(holds(tb, start, CheckKind::NoOtherCertificate, s0002, PcId::User)) << "the revoked one is still there";
    for (int i = 0; i < static_cast<int>(tb.bank->state().config.user_lockout_count); ++i) (void)tb.bank->check_user_pin("S0001", "wrong0001");
    EXPECT_FALSE(holds(tb, start, CheckKind::UserActive, Holder::user("S0001")));
    const Holder nobody = Holder::user("S9999");
    for (int k = 0; k < cp::kCheckKindCount; ++k) {
        const auto kind = static_cast<CheckKind>(k);
        if (cp::check_needs_holder(kind)) {
            EXPECT_FALSE(holds(tb, start, kind, nobody, PcId::User)) << cp::check_kind_id(kind);
        }
    }
    EXPECT_FALSE(holds(tb, start, CheckKind::UserActive, Holder::admin())) << "not a user";
}

TEST(TaskCatalogue, EveryBuiltinTaskStartsFromAScenarioWithTextsAndAFullGoal) {
    std::set<std::string> ids;
    ASSERT_GE(cp::builtin_tasks().size(), 6u);
    for (const cp::Task& t : cp::builtin_tasks()) {
        EXPECT_TRUE(ids.insert(t.id).second) << t.id;
        EXPECT_NE(cp::find_scenario(t.scenario), nullptr) << t.id << ": " << t.scenario;
        EXPECT_FALSE(t.goal.checks.empty()) << t.id;
        for (cp::Language l : {cp::Language::Japanese, cp::Language::English}) {
            EXPECT_FALSE(t.title.in(l).empty()) << t.id;
            EXPECT_FALSE(t.brief.in(l).empty()) << t.id;
        }
        EXPECT_EQ(cp::find_builtin_task(t.id), &t);
    }
    EXPECT_EQ(cp::find_builtin_task("no-such-task"), nullptr);
    // A task made where nothing is done yet is not met at its start.
    for (const cp::Task& t : cp::builtin_tasks()) {
        cp::test::TestBank tb(cp::find_scenario(t.scenario)->preset);
        EXPECT_FALSE(cp::evaluate(t.goal, world(tb), cp::task_start(*tb.bank)).all_met()) << t.id;
    }
}

TEST(TaskCatalogue, CheckIdsAreUniqueAndReadBack) {
    std::set<std::string_view> ids;
    for (int k = 0; k < cp::kCheckKindCount; ++k) {
        const auto kind = static_cast<CheckKind>(k);
        EXPECT_TRUE(ids.insert(cp::check_kind_id(kind)).second);
        EXPECT_EQ(cp::check_kind_from_id(cp::check_kind_id(kind)), kind);
    }
    EXPECT_FALSE(cp::check_kind_from_id("Holds-Current-Certificate").has_value());
    EXPECT_FALSE(cp::check_kind_from_id("").has_value());
}

}  // namespace
