// The scenario catalogue: every preset has one scenario with a stable id, and every scenario
// starts in the state its one-line description claims.
#include "demo/scenarios.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "bank_test_support.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::CertStatus;
using cp::Preset;

int ymd(cp::SimTime t) {
    const cp::JstTime j = cp::to_jst(t);
    return j.year * 10000 + j.month * 100 + j.day;
}

TEST(Scenarios, EveryPresetHasOneScenarioWithAStableId) {
    std::set<std::string_view> ids;
    std::set<Preset> presets;
    for (const cp::Scenario& s : cp::scenarios()) {
        EXPECT_TRUE(ids.insert(s.id).second) << s.id;
        EXPECT_TRUE(presets.insert(s.preset).second) << s.id;
        for (char c : s.id) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << s.id;  // safe in a URL as is
        EXPECT_EQ(cp::find_scenario(s.id), &s);
        EXPECT_EQ(&cp::scenario_of(s.preset), &s);
        EXPECT_STRNE(cp::text(s.description, cp::Language::Japanese), "");
        EXPECT_STRNE(cp::text(s.title, cp::Language::English), "");
    }
    EXPECT_EQ(presets.size(), static_cast<std::size_t>(Preset::Count_));
    EXPECT_EQ(cp::scenarios().front().id, "seed");
    EXPECT_EQ(cp::find_scenario("Seed"), nullptr);
    EXPECT_EQ(cp::find_scenario(""), nullptr);
    // The ids links already carry (README): renaming one breaks them.
    for (const char* id : {"seed", "admin-renewal", "user-expired", "contract-locked", "card-lost", "pickup-passed",
                           "admin-expired", "hundred-users", "pickup-pending", "user-renewal"})
        EXPECT_NE(cp::find_scenario(id), nullptr) << id;
}

// What each description says, checked on the world the preset builds. A switch without default:
// a new preset does not compile until its claims are written here.
void check_claims(Preset preset, cp::test::TestBank& tb) {
    const cp::Bank& bank = *tb.bank;
    const cp::BankState& s = bank.state();
    const cp::SimTime now = bank.now();
    const cp::CertificateRecord& admin = s.contract.admin_certificate;
    const cp::CertificateRecord& s1 = tb.user("S0001").certificate;
    switch (preset) {
    case Preset::SeedWorld:  // 2023年9月1日。管理者と利用者 S0001・S0002 の電子証明書はすべて有効
        EXPECT_EQ(ymd(now), 20230901);
        EXPECT_EQ(cp::effective_status(admin, now), CertStatus::Valid);
        EXPECT_EQ(cp::effective_status(s1, now), CertStatus::Valid);
        EXPECT_EQ(cp::effective_status(tb.user("S0002").certificate, now), CertStatus::Valid);
        EXPECT_FALSE(s.contract.locked);
        break;
    case Preset::AdminRenewalWindow:  // 20日後に期限切れ、お知らせメール、証明書更新
        EXPECT_EQ(admin.not_after - now, cp::days(20));
        EXPECT_TRUE(cp::test::has_mail(bank, cp::MailKind::RenewalReminder));
        EXPECT_TRUE(bank.in_admin_renewal_window());
        break;
    case Preset::UserCertificateExpired:  // 2023年10月10日。S0001 は10月2日に期限切れ
        EXPECT_EQ(ymd(now), 20231010);
        EXPECT_EQ(ymd(s1.not_after), 20231002);
        EXPECT_EQ(cp::effective_status(s1, now), CertStatus::Expired);
        EXPECT_EQ(cp::effective_status(admin, now), CertStatus::Valid);
        break;
    case Preset::UserPickupPending:  // 2023年10月10日。10月2日に期限切れの S0001 を再発行したところ、12月29日まで
        EXPECT_EQ(ymd(now), 20231010);
        EXPECT_EQ(s1.status, CertStatus::PendingPickup);
        EXPECT_EQ(s1.registered_at, now);
        EXPECT_EQ(s1.pickup_deadline - now, cp::days(80));
        EXPECT_EQ(ymd(s1.pickup_deadline), 20231229);
        EXPECT_EQ(bank.check_pickup_allowed("S0001"), FlowResult::Ok);
        // The old certificate is still on 利用者のパソコン, expired on 10月2日, not merely revoked.
        EXPECT_EQ(ymd(tb.user_cert("S0001").not_after), 20231002);
        EXPECT_LT(tb.user_cert("S0001").not_after, now);
        EXPECT_TRUE(cp::test::has_mail(bank, cp::MailKind::CertificateExpired, cp::Holder::user("S0001")));
        EXPECT_TRUE(cp::test::has_mail(bank, cp::MailKind::UserCertificateReissued, cp::Holder::user("S0001")));
        EXPECT_EQ(cp::effective_status(admin, now), CertStatus::Valid);
        break;
    case Preset::ContractLocked:  // 管理者も利用者もロック中
        EXPECT_TRUE(s.contract.locked);
        EXPECT_EQ(tb.bank->check_contract_pin(cp::kSeedSecrets.contract_pin), BankResult::ContractLocked);
        break;
    case Preset::CardLost:  // 紛失届出、依頼書はまだ
        EXPECT_TRUE(s.contract.card.lost);
        EXPECT_TRUE(s.branch_requests.empty());
        break;
    case Preset::PickupWindowPassed:  // 2023年12月30日。10月10日の再発行から80日の期間が過ぎた
        EXPECT_EQ(ymd(now), 20231230);
        EXPECT_EQ(s1.status, CertStatus::PendingPickup);
        EXPECT_EQ(ymd(s1.registered_at), 20231010);
        EXPECT_EQ(now - s1.registered_at, cp::days(81));
        EXPECT_EQ(bank.check_pickup_allowed("S0001"), BankResult::PickupWindowPassed);
        // 再度の再発行: the administrator's certificate (renewed in November) still logs on.
        EXPECT_EQ(cp::effective_status(admin, now), CertStatus::Valid);
        break;
    case Preset::UserRenewalWindow:  // S0001 は20日後に期限切れ、お知らせメール、利用者ログインから証明書更新
        EXPECT_EQ(s1.not_after - now, cp::days(20));
        EXPECT_TRUE(cp::test::has_mail(bank, cp::MailKind::RenewalReminder, cp::Holder::user("S0001")));
        EXPECT_TRUE(bank.in_renewal_window(cp::Holder::user("S0001")));
        EXPECT_FALSE(bank.in_admin_renewal_window());
        break;
    case Preset::AdminCertificateExpired:  // 5日前に期限切れ
        EXPECT_EQ(now - admin.not_after, cp::days(5));
        EXPECT_EQ(cp::effective_status(admin, now), CertStatus::Expired);
        EXPECT_EQ(cp::effective_status(s1, now), CertStatus::Valid);
        EXPECT_TRUE(cp::test::has_mail(bank, cp::MailKind::CertificateExpired));
        break;
    case Preset::HundredUsers: {  // S0003～S0100、利用中止・取得待ちを含む
        EXPECT_EQ(s.users.size(), 100u);
        EXPECT_EQ(s.users.back().id, "S0100");
        bool suspended = false, pending = false;
        for (const cp::User& u : s.users) {
            suspended = suspended || u.suspended;
            pending = pending || u.certificate.status == CertStatus::PendingPickup;
        }
        EXPECT_TRUE(suspended);
        EXPECT_TRUE(pending);
        break;
    }
    case Preset::Count_: FAIL(); break;
    }
}

// The scenarios are one story on one calendar: user-expired's day is the day of the reissue that
// pickup-pending starts right after and pickup-passed starts 81 days after; every certificate of
// every scenario runs from its pickup for one year to the same date and time (有効期限は1年), and
// was registered no later than it was picked up.
TEST(Scenarios, TellOneStoryOnOneCalendar) {
    cp::test::TestBank expired(Preset::UserCertificateExpired);
    cp::test::TestBank pending(Preset::UserPickupPending);
    cp::test::TestBank passed(Preset::PickupWindowPassed);
    const cp::SimTime reissue_day = expired.bank->now();
    EXPECT_EQ(pending.bank->now(), reissue_day);
    EXPECT_EQ(pending.user("S0001").certificate.registered_at, reissue_day);
    EXPECT_EQ(passed.user("S0001").certificate.registered_at, reissue_day);
    EXPECT_EQ(expired.user("S0001").certificate.not_after, pending.user_cert("S0001").not_after)
        << "the certificate that expired is the one reissued";
    for (const cp::Scenario& s : cp::scenarios()) {
        SCOPED_TRACE(std::string(s.id));
        cp::test::TestBank tb(s.preset);
        for (const cp::PcCertificateStore* pc : {&tb.world.admin_pc, &tb.world.user_pc})
            for (const cp::InstalledCertificate& c : pc->certificates) {
                EXPECT_EQ(c.not_after, cp::certificate_not_after(tb.bank->state().config, c.not_before)) << c.serial;
                const cp::JstTime from = cp::to_jst(c.not_before), to = cp::to_jst(c.not_after);
                EXPECT_EQ(to.year, from.year + 1) << c.serial;
                EXPECT_EQ(to.hour, from.hour) << c.serial;
            }
        const cp::CertificateRecord& admin = tb.bank->state().contract.admin_certificate;
        if (!admin.serial.empty()) {
            EXPECT_LE(admin.registered_at, tb.admin_cert().not_before);
        }
        for (const cp::User& u : tb.bank->state().users) {
            if (!u.certificate.serial.empty()) {
                EXPECT_LE(u.certificate.registered_at, tb.user_cert(u.id).not_before) << u.id;
            }
        }
    }
}

TEST(Scenarios, EachStartsInTheStateItsDescriptionClaims) {
    for (const cp::Scenario& s : cp::scenarios()) {
        SCOPED_TRACE(std::string(s.id));
        cp::test::TestBank tb(s.preset);
        check_claims(s.preset, tb);
        EXPECT_TRUE(tb.bank->state().audit.verify());
    }
}

}  // namespace
