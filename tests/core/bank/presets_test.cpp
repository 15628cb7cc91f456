// Scenario presets: the seed world and the starting point of each seed procedure; reset.
#include "sim/presets.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "bank/bank_codec.h"
#include "bank_test_support.h"

namespace {

using cp::BankResult;
using cp::FlowResult;

TEST(Presets, SeedWorldMatchesTheSeeds) {
    cp::test::TestBank tb;
    const cp::BankState& s = tb.bank->state();
    EXPECT_EQ(s.contract.id, "00009876543");
    EXPECT_EQ(s.contract.company, "しんきん商事（株）");
    ASSERT_EQ(s.users.size(), 2u);
    const cp::User& s1 = tb.user("S0001");
    EXPECT_EQ(s1.name, "しんきん 太郎 1");
    EXPECT_TRUE(s1.usage_started);
    EXPECT_EQ(s1.permissions & cp::permission_bit(cp::Permission::FundsTransfer), 0u);  // 資金移動 ×
    EXPECT_NE(s1.permissions & cp::permission_bit(cp::Permission::BalanceInquiry), 0u);
    EXPECT_EQ(s1.certificate.issue_number, 1u);
    EXPECT_EQ(s1.certificate.status, cp::CertStatus::Valid);
    const cp::JstTime reg = cp::to_jst(s1.certificate.registered_at), exp = cp::to_jst(s1.certificate.not_after);
    EXPECT_EQ(reg.year * 10000 + reg.month * 100 + reg.day, 20221001);
    EXPECT_EQ(exp.year * 10000 + exp.month * 100 + exp.day, 20231002);
    const cp::User& s2 = tb.user("S0002");
    EXPECT_EQ(s2.name, "しんきん 太郎 2");
    EXPECT_FALSE(s2.usage_started);
    EXPECT_EQ(s2.permissions, cp::kAllPermissions);
    EXPECT_TRUE(s1.token.registered());
    EXPECT_FALSE(s2.token.registered());
    EXPECT_EQ(tb.world.admin_pc.certificates.size(), 1u);
    EXPECT_EQ(tb.world.user_pc.certificates.size(), 2u);
    EXPECT_TRUE(s.audit.verify());
    EXPECT_EQ(s.audit.entries().back().action, cp::AuditAction::PresetLoaded);
}

TEST(Presets, EachPresetStartsItsProcedure) {
    {
        cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
        EXPECT_TRUE(tb.bank->in_admin_renewal_window());
        EXPECT_TRUE(cp::test::has_mail(*tb.bank, cp::MailKind::RenewalReminder));
    }
    {
        cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
        EXPECT_EQ(cp::effective_status(tb.user("S0001").certificate, tb.bank->now()), cp::CertStatus::Expired);
        EXPECT_EQ(cp::effective_status(tb.user("S0002").certificate, tb.bank->now()), cp::CertStatus::Valid);
    }
    {
        cp::test::TestBank tb(cp::Preset::ContractLocked);
        EXPECT_TRUE(tb.bank->state().contract.locked);
    }
    {
        cp::test::TestBank tb(cp::Preset::CardLost);
        EXPECT_TRUE(tb.bank->state().contract.card.lost);
    }
    {
        cp::test::TestBank tb(cp::Preset::PickupWindowPassed);
        EXPECT_EQ(tb.bank->check_pickup_allowed("S0001"), BankResult::PickupWindowPassed);
    }
    {
        cp::test::TestBank tb(cp::Preset::UserPickupPending);
        EXPECT_EQ(tb.bank->check_pickup_allowed("S0001"), FlowResult::Ok);
        const cp::CertificateRecord& rec = tb.bank->find_user("S0001")->certificate;
        EXPECT_EQ(rec.pickup_deadline, tb.bank->now() + cp::days(80));
        EXPECT_EQ(tb.bank->check_pickup_allowed("S0002"), BankResult::NoPendingCertificate);
    }
    {
        cp::test::TestBank tb(cp::Preset::UserRenewalWindow);
        EXPECT_TRUE(tb.bank->in_renewal_window(cp::Holder::user("S0001")));
        EXPECT_EQ(tb.user("S0001").certificate.not_after, tb.bank->now() + cp::days(20));
        EXPECT_FALSE(tb.bank->in_renewal_window(cp::Holder::user("S0002")));
        EXPECT_FALSE(tb.bank->in_admin_renewal_window());
        bool mail = false;  // S0001's 電子証明書更新のお知らせ, not the administrator's
        for (const cp::Mail& m : tb.bank->state().mailbox) mail |= m.kind == cp::MailKind::RenewalReminder && m.holder == cp::Holder::user("S0001");
        EXPECT_TRUE(mail);
    }
}

TEST(Presets, HundredUsersIsTheSeedWorldWithAFullGrid) {
    cp::test::TestBank seed;
    cp::test::TestBank tb(cp::Preset::HundredUsers);
    const cp::BankState& s = tb.bank->state();
    ASSERT_EQ(s.users.size(), 100u);
    EXPECT_EQ(s.contract.id, seed.bank->state().contract.id);
    EXPECT_EQ(s.now, seed.bank->state().now);
    // The seed's two users are the seed's, certificates included (on the PCs too).
    for (std::size_t i = 0; i < 2; ++i) {
        const cp::User& a = s.users[i];
        const cp::User& b = seed.bank->state().users[i];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.permissions, b.permissions);
        EXPECT_EQ(a.usage_started, b.usage_started);
        EXPECT_EQ(a.certificate.status, b.certificate.status);
    }
    EXPECT_EQ(tb.world.admin_pc.certificates.size(), 1u);
    EXPECT_EQ(tb.world.user_pc.certificates.size(), 2u) << "the extra users have no certificates on the PCs";
    EXPECT_EQ(s.users[2].id, "S0003");
    EXPECT_EQ(s.users[2].name, "しんきん 太郎 3");
    EXPECT_EQ(s.users[99].id, "S0100");
    EXPECT_EQ(s.users[99].name, "しんきん 太郎 100");
    int suspended = 0, pending = 0, not_started = 0, missing_permission = 0, all_permissions = 0;
    std::set<std::string> ids;
    for (const cp::User& u : s.users) {
        ids.insert(u.id);
        suspended += u.suspended ? 1 : 0;
        not_started += u.usage_started ? 0 : 1;
        pending += u.certificate.status == cp::CertStatus::PendingPickup ? 1 : 0;
        missing_permission += u.permissions != cp::kAllPermissions ? 1 : 0;
        all_permissions += u.permissions == cp::kAllPermissions ? 1 : 0;
        if (u.certificate.status == cp::CertStatus::PendingPickup) {
            EXPECT_GT(u.certificate.pickup_deadline, s.now) << u.id << ": can still be picked up";
            EXPECT_EQ(tb.bank->check_pickup_allowed(u.id), FlowResult::Ok) << u.id;
        }
    }
    EXPECT_EQ(ids.size(), 100u);
    EXPECT_GE(suspended, 3);
    EXPECT_LE(suspended, 10);
    EXPECT_GE(pending, 3);
    EXPECT_LE(pending, 10);
    EXPECT_GE(not_started, 10);   // 利用開始 -
    EXPECT_GE(missing_permission, 10);  // × in the grid
    EXPECT_GE(all_permissions, 10);
    // Every PIN is hashed as the seed's: the bank checks them.
    EXPECT_EQ(tb.bank->check_user_credentials("00009876543", "S0042", "taro0042"), FlowResult::Ok);
    EXPECT_NE(tb.bank->check_user_credentials("00009876543", "S0043", "taro0042"), FlowResult::Ok);
    EXPECT_EQ(s.users[41].pin.iterations, s.users[0].pin.iterations);
    const cp::AuditLog& audit = tb.world.bank.audit;  // as the preset left it
    EXPECT_TRUE(audit.verify());
    EXPECT_EQ(audit.entries().back().action, cp::AuditAction::PresetLoaded);
    EXPECT_EQ(audit.entries().back().target, "HundredUsers");
}

TEST(Presets, ResetGivesTheSameWorldAgain) {
    cp::test::TestBank a(cp::Preset::SeedWorld, 5);
    (void)a.bank->check_contract_pin("wrongpin1");
    cp::test::TestBank b(cp::Preset::SeedWorld, 5);
    EXPECT_EQ(cp::encode_bank_state(b.world.bank), cp::encode_bank_state(a.world.bank));
    EXPECT_NE(cp::encode_bank_state(a.bank->state()), cp::encode_bank_state(b.bank->state()));
}

TEST(Presets, TheCaStartsBeforeThePresetsPast) {
    EXPECT_EQ(cp::kPresetCaNotBefore, cp::from_jst(cp::JstTime{2020, 1, 1, 0, 0, 0}));
    cp::test::TestBank tb;
    for (const auto* pc : {&tb.world.admin_pc, &tb.world.user_pc})
        for (const auto& c : pc->certificates) EXPECT_GT(c.not_before, cp::kPresetCaNotBefore);
    EXPECT_EQ(tb.pki.issuing_certificate().not_before(), cp::kPresetCaNotBefore);
}

TEST(Presets, EveryPresetHasAName) {
    for (int i = 0; i < static_cast<int>(cp::Preset::Count_); ++i)
        EXPECT_STRNE(cp::preset_name(static_cast<cp::Preset>(i)), "?");
}

TEST(Validation, RejectedInputStoresNothing) {
    cp::test::TestBank tb;
    const auto before = cp::encode_bank_state(tb.bank->state());
    const std::size_t audit_before = tb.bank->state().audit.entries().size();
    EXPECT_EQ(tb.bank->add_user("S-03", "しんきん 花子", cp::kAllPermissions, "hanako01"), BankResult::InvalidInput);
    EXPECT_EQ(tb.bank->last_input_error(), cp::InputError::ForbiddenCharacter);
    EXPECT_EQ(tb.bank->add_user("S0003", "", cp::kAllPermissions, "hanako01"), BankResult::InvalidInput);
    EXPECT_EQ(tb.bank->last_input_error(), cp::InputError::Empty);
    EXPECT_EQ(tb.bank->add_user("S0003", "しんきん 花子", cp::kAllPermissions, "hanako"), BankResult::InvalidInput);
    EXPECT_EQ(tb.bank->last_input_error(), cp::InputError::NeedsLettersAndDigits);
    EXPECT_EQ(tb.bank->advance_time(-5), BankResult::InvalidInput);
    EXPECT_EQ(cp::encode_bank_state(tb.bank->state()), before);
    EXPECT_EQ(tb.bank->state().audit.entries().size(), audit_before);
    EXPECT_EQ(tb.bank->add_user("S0003", "しんきん 花子", cp::kAllPermissions, "hanako01"), FlowResult::Ok);
    EXPECT_EQ(tb.bank->add_user("S0003", "しんきん 花子", cp::kAllPermissions, "hanako01"), BankResult::UserAlreadyExists);
    EXPECT_EQ(tb.bank->check_user_credentials("00009876543", "S0003", "hanako01"), FlowResult::Ok);
}

}  // namespace
