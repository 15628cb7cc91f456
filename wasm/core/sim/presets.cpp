#include "sim/presets.h"

#include "bank/bank.h"
#include "pc/certificate_enrollment.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace cp {

std::string preset_user_pin(std::string_view user_id) {
    const bool four_digits = user_id.size() == 5 && user_id[0] == 'S' &&
                             user_id.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
    return four_digits ? "taro" + std::string(user_id.substr(1)) : std::string();
}

namespace {

SimTime jst(int y, int m, int d, int h = 9) { return from_jst(JstTime{y, m, d, h, 0, 0}); }

// A certificate of the preset's past: who, and when the bank registered it (電子証明書発行データ
// 登録日) and the PC picked it up. It runs for the bank's validity from the pickup
// (certificate_not_after): the seed's S0001, registered 2022年10月01日 and picked up the next day,
// ends 2023年10月02日.
struct PlannedCertificate {
    int user_index = -1;  // -1: the administrator
    SimTime registered = 0;
    SimTime picked_up = 0;
};

// The story the scenarios tell, on one calendar: the seed world on 2023年9月1日; S0001's
// certificate expires on 2023年10月02日; on 2023年10月10日 the administrator finds it expired
// (user-expired) and reissues it (pickup-pending); nobody picks it up within the 80 days
// (pickup-passed, after the administrator's own renewal in November).
constexpr JstTime kReissueDay{2023, 10, 10, 10, 0, 0};
constexpr JstTime kAdminRenewedDay{2023, 11, 11, 10, 0, 0};  // within 30 days of 2023年12月1日

// A certificate picked up the day after its registration, as the seed's S0001.
PlannedCertificate picked_up_at(int user_index, SimTime picked_up) { return {user_index, picked_up - days(1), picked_up}; }
// One that ends at `not_after` (a preset "expires in 20 days").
PlannedCertificate ending_at(int user_index, SimTime not_after) { return picked_up_at(user_index, add_jst_years(not_after, -1)); }

// The preset under construction, shared by the asynchronous steps (key jobs, device key).
struct PresetBuild {
    Preset preset = Preset::SeedWorld;
    RandomSource* random = nullptr;
    CertificateAuthority* authority = nullptr;
    PresetPcs pcs;
    World world;
    std::vector<PlannedCertificate> plan;
    std::size_t next = 0;
    std::vector<std::unique_ptr<CertificateEnrollment>> enrollments;  // kept until the end
    std::function<void(FlowResult, World)> done;
};

World seed_world(RandomSource& random, const BankConfig& config) {
    World w;
    w.admin_pc.name = std::string(kAdminPcName);
    w.user_pc.name = std::string(kUserPcName);
    BankState& s = w.bank;
    s.config = config;
    s.now = jst(2023, 9, 1, 10);

    Contract& c = s.contract;
    c.id = std::string(kSeedSecrets.contract_id);
    c.company = "しんきん商事（株）";
    c.branch = "本店営業部";
    c.bank_code = "1635";
    c.contract_pin = hash_pin(kSeedSecrets.contract_pin, random, config.pin_hash_iterations);
    c.confirmation_pin = hash_pin(kSeedSecrets.confirmation_pin, random, config.pin_hash_iterations);
    c.card = make_customer_card(random, 1);
    c.card.numbers[card_symbol_index("オ")] = 89;  // the seed's example
    c.card.numbers[card_symbol_index("ウ")] = 45;

    User s1;
    s1.id = "S0001";
    s1.name = "しんきん 太郎 1";
    s1.permissions = kAllPermissions & ~permission_bit(Permission::FundsTransfer);
    s1.usage_started = true;
    s1.pin = hash_pin(kSeedSecrets.s0001_pin, random, config.pin_hash_iterations);
    s1.token.serial = "TK10000001";
    s1.token.key = pki::SecretBytes(20);
    random.fill({s1.token.key.mutable_data(), s1.token.key.size()});

    User s2;
    s2.id = "S0002";
    s2.name = "しんきん 太郎 2";
    s2.permissions = kAllPermissions;
    s2.usage_started = false;  // the seed's grid shows 「-」
    s2.pin = hash_pin(kSeedSecrets.s0002_pin, random, config.pin_hash_iterations);

    s.users.push_back(std::move(s1));
    s.users.push_back(std::move(s2));
    return w;
}

// HundredUsers: S0003…S0100 after the seed's two. Their flags and permissions follow the number so
// the grid shows mixes of ○, × and -; none has a certificate on the PCs (a few have one pending
// pickup, registered by the bank and not yet collected).
void add_hundred_users(World& w, RandomSource& random, const BankConfig& config) {
    BankState& s = w.bank;
    for (int n = 3; n <= kHundredUsersCount; ++n) {
        char digits[8];
        std::snprintf(digits, sizeof digits, "%04d", n);
        User u;
        u.id = std::string("S") + digits;
        u.name = "しんきん 太郎 " + std::to_string(n);
        // Drop one or two permissions, chosen by the number; every fifth user has them all.
        const unsigned count = static_cast<unsigned>(Permission::Count_);
        const auto un = static_cast<unsigned>(n);
        if (n % 5 != 0) {
            u.permissions = kAllPermissions & ~(PermissionSet{1} << (un % count));
            if (n % 3 == 0) u.permissions &= ~(PermissionSet{1} << ((un * 7) % count));
        } else {
            u.permissions = kAllPermissions;
        }
        u.usage_started = n % 4 != 0;
        u.suspended = n % 17 == 0;
        u.accident = n % 29 == 0;
        u.pin = hash_pin(preset_user_pin(u.id), random, config.pin_hash_iterations);
        if (n % 2 == 0) {  // a one-time password token (needed to pick a certificate up)
            u.token.serial = std::string("TK1000") + digits;
            u.token.key = pki::SecretBytes(20);
            random.fill({u.token.key.mutable_data(), u.token.key.size()});
        }
        if (n % 12 == 0) {  // even: has a token
            CertificateRecord& rec = u.certificate;
            rec.issue_number = 1;
            rec.status = CertStatus::PendingPickup;
            rec.registered_at = s.now - days(n % 30);
            rec.pickup_deadline = rec.registered_at + days(config.pickup_window_days);
        }
        s.users.push_back(std::move(u));
    }
}

CertificateRecord& record_of(World& w, int user_index) {
    return user_index < 0 ? w.bank.contract.admin_certificate
                          : w.bank.users[static_cast<std::size_t>(user_index)].certificate;
}

void finish(const std::shared_ptr<PresetBuild>& b) {
    World& w = b->world;
    BankState& s = w.bank;
    switch (b->preset) {
    case Preset::SeedWorld:
    case Preset::AdminRenewalWindow:
    case Preset::AdminCertificateExpired:
    case Preset::HundredUsers:
    case Preset::UserRenewalWindow:
    case Preset::Count_:
        break;
    case Preset::UserCertificateExpired:
        s.now = from_jst(kReissueDay);
        break;
    case Preset::ContractLocked:
        s.contract.contract_pin_failures = s.config.contract_lockout_count;
        s.contract.locked = true;
        break;
    case Preset::CardLost:
        s.contract.card.lost = true;
        break;
    case Preset::PickupWindowPassed:
    case Preset::UserPickupPending:
        s.now = from_jst(kReissueDay);  // user-expired's day: the reissue is made below
        break;
    }
    // Send what is due at the preset's time (reminders, expiry mails), as the bank would have.
    Bank bank(std::move(w.bank), *b->random, *b->authority);
    bank.process_due_work();
    if (b->preset == Preset::UserPickupPending || b->preset == Preset::PickupWindowPassed) {
        // user-expired's administrator reissues S0001's expired certificate (seed 001 part 1 (10)),
        // as the bank records it; the old certificate stays on 利用者のパソコン, expired.
        const FlowResult r =
            bank.apply_user_certificate_action("S0001", UserCertificateAction::Reissue, kSeedSecrets.confirmation_pin);
        if (r != FlowResult::Ok) {
            auto done = std::move(b->done);
            return done(r, World{});
        }
        // Nobody picks it up: the window passes (取得可能期間, one day over).
        if (b->preset == Preset::PickupWindowPassed) bank.let_time_pass(days(bank.state().config.pickup_window_days + 1));
    }
    BankState out = bank.state();
    out.audit.append(out.now, "system", AuditAction::PresetLoaded, preset_name(b->preset), FlowResult::Ok);
    w.bank = std::move(out);
    auto done = std::move(b->done);
    done(FlowResult::Ok, std::move(w));
}

// Issues the next planned certificate through its PC (key → CSR → 中 → CA → store), then the
// one after, from the completion.
void issue_next(const std::shared_ptr<PresetBuild>& b) {
    if (b->next == b->plan.size()) return finish(b);
    const PlannedCertificate item = b->plan[b->next++];
    World& w = b->world;
    const bool admin = item.user_index < 0;
    IssueRequest request;
    request.subject.contract_id = w.bank.contract.id;
    request.subject.holder_id =
        admin ? w.bank.contract.bank_code : w.bank.users[static_cast<std::size_t>(item.user_index)].id;
    request.subject.kind = admin ? HolderKind::Administrator : HolderKind::User;
    request.not_before = item.picked_up;
    request.not_after = certificate_not_after(w.bank.config, item.picked_up);
    b->enrollments.push_back(
        std::make_unique<CertificateEnrollment>(admin ? w.admin_pc : w.user_pc, admin ? b->pcs.admin_pc : b->pcs.user_pc));
    CertificateEnrollment* enrollment = b->enrollments.back().get();
    CertificateAuthority* authority = b->authority;
    enrollment->enroll(
        request.subject, KeyChoice{KeyProtection::Medium, {}},
        [authority, request](std::span<const std::uint8_t> csr, IssuedCertificate& out) {
            return authority->issue(request, csr, out);
        },
        [b, item, enrollment](FlowResult r) {
            if (r == FlowResult::Ok) r = enrollment->install();
            if (r != FlowResult::Ok) {
                auto done = std::move(b->done);
                return done(r, World{});
            }
            CertificateRecord& record = record_of(b->world, item.user_index);
            record.issue_number = 1;
            record.status = CertStatus::Valid;
            record.registered_at = item.registered;
            record.serial = enrollment->issued().serial;
            record.not_after = enrollment->issued().not_after;
            issue_next(b);
        });
}

}  // namespace
const char* preset_name(Preset preset) {
    switch (preset) {
    case Preset::SeedWorld: return "SeedWorld";
    case Preset::AdminRenewalWindow: return "AdminRenewalWindow";
    case Preset::UserCertificateExpired: return "UserCertificateExpired";
    case Preset::ContractLocked: return "ContractLocked";
    case Preset::CardLost: return "CardLost";
    case Preset::PickupWindowPassed: return "PickupWindowPassed";
    case Preset::HundredUsers: return "HundredUsers";
    case Preset::UserPickupPending: return "UserPickupPending";
    case Preset::UserRenewalWindow: return "UserRenewalWindow";
    case Preset::AdminCertificateExpired: return "AdminCertificateExpired";
    case Preset::Count_: break;
    }
    return "?";
}

void make_preset(Preset preset, RandomSource& random, CertificateAuthority& authority, PresetPcs pcs,
                 const BankConfig& config, std::function<void(FlowResult, World)> done) {
    auto b = std::make_shared<PresetBuild>();
    b->preset = preset;
    b->random = &random;
    b->authority = &authority;
    b->pcs = pcs;
    b->done = std::move(done);
    b->world = seed_world(random, config);
    if (preset == Preset::HundredUsers) add_hundred_users(b->world, random, config);
    const SimTime now = b->world.bank.now;
    if (preset == Preset::AdminRenewalWindow)  // the admin certificate expires 20 days from now
        b->plan.push_back(ending_at(-1, now + days(20)));
    else if (preset == Preset::AdminCertificateExpired)  // expired 5 days ago, S0001's still valid
        b->plan.push_back(ending_at(-1, now - days(5)));
    else if (preset == Preset::PickupWindowPassed)  // renewed in November (seed 000), the old one deleted
        b->plan.push_back({-1, from_jst(kAdminRenewedDay), from_jst(kAdminRenewedDay)});
    else
        b->plan.push_back(picked_up_at(-1, jst(2022, 12, 1)));  // ends 2023年12月1日
    if (preset == Preset::UserRenewalWindow)  // S0001's certificate expires 20 days from now
        b->plan.push_back(ending_at(0, now + days(20)));
    else
        b->plan.push_back({0, jst(2022, 10, 1), jst(2022, 10, 2)});  // the seed's record: ends 2023年10月02日
    b->plan.push_back(picked_up_at(1, jst(2023, 4, 1)));  // ends 2024年4月1日
    issue_next(b);
}

}  // namespace cp
