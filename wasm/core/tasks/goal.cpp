#include "tasks/goal.h"

#include <algorithm>
#include <array>
#include <span>

namespace cp {

namespace {

struct KindInfo {
    std::string_view id;
    bool holder;
    bool pc;
};
// In CheckKind's order; ids are what task files and results say: never rename one.
constexpr std::array<KindInfo, kCheckKindCount> kKinds{{
    {"holds-current-certificate", true, true},
    {"no-other-certificate", true, true},
    {"new-certificate-since-start", true, false},
    {"logged-on-with-current-since-start", true, false},
    {"awaits-pickup", true, false},
    {"revoked", true, false},
    {"contract-unlocked", false, false},
    {"user-active", true, false},
    {"card-usable", false, false},
}};

const KindInfo& info(CheckKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

// Whether the PC's installed certificate names `holder` of the bank's contract.
bool names_holder(const InstalledCertificate& c, const Holder& holder, const Contract& contract) {
    if (c.subject.contract_id != contract.id) return false;
    if (holder.is_admin()) return c.subject.kind == HolderKind::Administrator;
    return c.subject.kind == HolderKind::User && c.subject.holder_id == holder.user_id();
}

std::span<const AuditEntry> since(const Bank& bank, const TaskStart& start) {
    const std::vector<AuditEntry>& all = bank.state().audit.entries();
    return std::span(all).subspan(std::min(start.audit_entries, all.size()));
}

// A certificate login completed since the start whose certificate check (the bank's, at 証明書の
// 選択) passed with `serial`: the administrator's AdminCertificateCheck then AdminLogin; a user's
// UserLogin naming the serial, then UserLogin naming the user.
bool logged_on_with(const Bank& bank, const TaskStart& start, const Holder& holder, const std::string& serial) {
    std::string checked;  // the serial of the holder's last certificate check that passed
    for (const AuditEntry& e : since(bank, start)) {
        if (holder.is_admin()) {
            if (e.action == AuditAction::AdminCertificateCheck) checked = e.result == FlowResult::Ok ? e.target : "";
            else if (e.action == AuditAction::AdminLogin && e.result == FlowResult::Ok && checked == serial) return true;
        } else if (e.action == AuditAction::UserLogin && e.actor == holder.user_id()) {
            if (e.target == holder.user_id()) {
                if (e.result == FlowResult::Ok && checked == serial) return true;
            } else {
                checked = e.result == FlowResult::Ok ? e.target : "";
            }
        }
    }
    return false;
}

bool installed_since(const Bank& bank, const TaskStart& start, const std::string& serial) {
    const auto entries = since(bank, start);
    return std::any_of(entries.begin(), entries.end(), [&](const AuditEntry& e) {
        return e.action == AuditAction::CertificateInstalled && e.result == FlowResult::Ok && e.target == serial;
    });
}

}  // namespace

std::string_view check_kind_id(CheckKind kind) { return info(kind).id; }

std::optional<CheckKind> check_kind_from_id(std::string_view id) {
    for (int i = 0; i < kCheckKindCount; ++i) {
        if (kKinds[static_cast<std::size_t>(i)].id == id) return static_cast<CheckKind>(i);
    }
    return std::nullopt;
}

bool check_needs_holder(CheckKind kind) { return info(kind).holder; }
bool check_needs_pc(CheckKind kind) { return info(kind).pc; }

TaskStart task_start(const Bank& bank) { return TaskStart{bank.state().audit.entries().size()}; }

bool check_holds(const Check& check, const WorldState& world, const TaskStart& start) {
    const Bank& bank = world.bank;
    const Contract& contract = bank.state().contract;
    const CertificateRecord* record = check_needs_holder(check.kind) ? bank.record_of(check.holder) : nullptr;
    if (check_needs_holder(check.kind) && record == nullptr) return false;  // no such user
    const CertStatus status = record != nullptr ? effective_status(*record, bank.now()) : CertStatus::None;
    switch (check.kind) {
    case CheckKind::HoldsCurrentCertificate:
        return status == CertStatus::Valid && world.pc(check.pc).find(record->serial) != nullptr;
    case CheckKind::NoOtherCertificate: {
        const auto& certificates = world.pc(check.pc).certificates;
        return std::none_of(certificates.begin(), certificates.end(), [&](const InstalledCertificate& c) {
            return names_holder(c, check.holder, contract) && !(status == CertStatus::Valid && c.serial == record->serial);
        });
    }
    case CheckKind::NewCertificateSince:
        return status == CertStatus::Valid && installed_since(bank, start, record->serial);
    case CheckKind::LoggedOnWithCurrentSince:
        return status == CertStatus::Valid && logged_on_with(bank, start, check.holder, record->serial);
    case CheckKind::AwaitsPickup: return status == CertStatus::PendingPickup;
    case CheckKind::Revoked: return status == CertStatus::Revoked;
    case CheckKind::ContractUnlocked: return !contract.locked;
    case CheckKind::UserActive: {
        const User* user = check.holder.is_admin() ? nullptr : bank.find_user(check.holder.user_id());
        return user != nullptr && !user->suspended;
    }
    case CheckKind::CardUsable: return !contract.card.lost;
    case CheckKind::Count_: break;
    }
    return false;
}

bool GoalReport::all_met() const { return std::all_of(met.begin(), met.end(), [](bool m) { return m; }); }

GoalReport evaluate(const Goal& goal, const WorldState& world, const TaskStart& start) {
    GoalReport report;
    report.met.reserve(goal.checks.size());
    for (const Check& c : goal.checks) report.met.push_back(check_holds(c, world, start));
    return report;
}

}  // namespace cp
