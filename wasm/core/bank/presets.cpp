#include "bank/presets.h"

#include "bank/bank.h"

namespace cp {
namespace {


SimTime jst(int y, int m, int d, int h = 9) { return from_jst(JstTime{y, m, d, h, 0, 0}); }

// Issues a certificate with explicit dates (a preset's past) and records it for the holder.
void issue_into(CertificateAuthority& authority, const std::string& contract_id, HolderKind kind,
                const std::string& holder_id, SimTime registered, SimTime not_after, std::uint32_t issue_number,
                CertificateRecord& record, PcCertificateStore& pc) {
    IssueRequest req;
    req.subject = CertificateSubject{contract_id, holder_id, kind};
    req.protection = KeyProtection::Medium;
    req.not_before = registered;
    req.not_after = not_after;
    InstalledCertificate cert;
    if (authority.issue(req, cert) != BankResult::Ok) return;  // record stays None: visible in tests
    record.issue_number = issue_number;
    record.status = CertStatus::Valid;
    record.registered_at = registered;
    record.serial = cert.serial;
    record.not_after = not_after;
    pc.install(std::move(cert));
}

World seed_world(RandomSource& random, CertificateAuthority& authority, const BankConfig& config) {
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
    issue_into(authority, c.id, HolderKind::Administrator, c.bank_code, jst(2022, 12, 1), jst(2023, 12, 1), 1,
               c.admin_certificate, w.admin_pc);

    User s1;
    s1.id = "S0001";
    s1.name = "しんきん 太郎 1";
    s1.permissions = kAllPermissions & ~permission_bit(Permission::FundsTransfer);
    s1.usage_started = true;
    s1.pin = hash_pin(kSeedSecrets.s0001_pin, random, config.pin_hash_iterations);
    s1.token.serial = "TK10000001";
    s1.token.key = SecureBytes(20);
    random.fill({s1.token.key.data(), s1.token.key.size()});
    issue_into(authority, c.id, HolderKind::User, s1.id, jst(2022, 10, 1), jst(2023, 10, 2), 1, s1.certificate,
               w.user_pc);

    User s2;
    s2.id = "S0002";
    s2.name = "しんきん 太郎 2";
    s2.permissions = kAllPermissions;
    s2.usage_started = false;  // the seed's grid shows 「-」
    s2.pin = hash_pin(kSeedSecrets.s0002_pin, random, config.pin_hash_iterations);
    issue_into(authority, c.id, HolderKind::User, s2.id, jst(2023, 4, 1), jst(2024, 4, 1), 1, s2.certificate,
               w.user_pc);

    s.users.push_back(std::move(s1));
    s.users.push_back(std::move(s2));
    return w;
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
    case Preset::Count_: break;
    }
    return "?";
}

World make_preset(Preset preset, RandomSource& random, CertificateAuthority& authority, const BankConfig& config) {
    World w = seed_world(random, authority, config);
    BankState& s = w.bank;
    switch (preset) {
    case Preset::SeedWorld:
    case Preset::Count_:
        break;
    case Preset::AdminRenewalWindow: {
        // Reissue the admin certificate so that it expires 20 days from now.
        w.admin_pc.certificates.clear();
        issue_into(authority, s.contract.id, HolderKind::Administrator, s.contract.bank_code, s.now - days(345),
                   s.now + days(20), 1, s.contract.admin_certificate, w.admin_pc);
        break;
    }
    case Preset::UserCertificateExpired:
        s.now = jst(2023, 10, 10, 10);
        break;
    case Preset::ContractLocked:
        s.contract.contract_pin_failures = s.config.contract_lockout_count;
        s.contract.locked = true;
        break;
    case Preset::CardLost:
        s.contract.card.lost = true;
        break;
    case Preset::PickupWindowPassed: {
        CertificateRecord& rec = s.users[0].certificate;
        (void)authority.revoke(rec.serial, s.now);
        ++rec.issue_number;
        rec.status = CertStatus::PendingPickup;
        rec.registered_at = s.now - days(s.config.pickup_window_days + 1);
        rec.serial.clear();
        rec.not_after = 0;
        rec.pickup_deadline = rec.registered_at + days(s.config.pickup_window_days);
        break;
    }
    }
    // Send what is due at the preset's time (reminders, expiry mails), as the bank would have.
    Bank bank(std::move(w.bank), random, authority);
    bank.process_due_work();
    BankState out = bank.state();
    out.audit.append(out.now, "system", AuditAction::PresetLoaded, preset_name(preset), BankResult::Ok);
    w.bank = std::move(out);
    return w;
}

}  // namespace cp
