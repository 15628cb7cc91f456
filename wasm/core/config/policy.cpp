#include "config/policy.h"

namespace cp {
namespace {

// Ranges: what the seeds and docs/domain.md ("The bank's numbers") allow a bank to choose, and
// what the saved world accepts back (bank_codec.cpp: a validity of 1 to 10 years).
constexpr PolicyField kFields[] = {
    {"certificate_validity_years", &BankConfig::certificate_validity_years, 1, 10, "years", TextId::PolicyCertificateValidityYears},
    {"renewal_window_days", &BankConfig::renewal_window_days, 1, 180, "days", TextId::PolicyRenewalWindowDays},
    {"first_reminder_days", &BankConfig::first_reminder_days, 1, 180, "days", TextId::PolicyFirstReminderDays},
    {"second_reminder_days", &BankConfig::second_reminder_days, 1, 180, "days", TextId::PolicySecondReminderDays},
    {"pickup_window_days", &BankConfig::pickup_window_days, 1, 180, "days", TextId::PolicyPickupWindowDays},
    {"contract_lockout_count", &BankConfig::contract_lockout_count, 1, 20, "tries", TextId::PolicyContractLockoutCount},
    {"user_lockout_count", &BankConfig::user_lockout_count, 1, 20, "tries", TextId::PolicyUserLockoutCount},
    {"card_reissue_min_days", &BankConfig::card_reissue_min_days, 1, 60, "days", TextId::PolicyCardReissueMinDays},
    {"card_reissue_max_days", &BankConfig::card_reissue_max_days, 1, 60, "days", TextId::PolicyCardReissueMaxDays},
    {"unlock_days", &BankConfig::unlock_days, 1, 30, "days", TextId::PolicyUnlockDays},
    {"admin_reissue_days", &BankConfig::admin_reissue_days, 1, 30, "days", TextId::PolicyAdminReissueDays},
    {"notices_hidden_days", &BankConfig::notices_hidden_days, 1, 365, "days", TextId::PolicyNoticesHiddenDays},
};

constexpr PolicyRelation kRelations[] = {
    {"second_reminder_days", "first_reminder_days"},
    {"card_reissue_min_days", "card_reissue_max_days"},
};

}  // namespace

std::span<const PolicyField> policy_fields() { return kFields; }

const PolicyField* find_policy_field(std::string_view key) {
    for (const PolicyField& f : kFields)
        if (key == f.key) return &f;
    return nullptr;
}

std::span<const PolicyRelation> policy_relations() { return kRelations; }

BankConfig with_policy(BankConfig base, const BankConfig& policy) {
    for (const PolicyField& f : kFields) base.*f.member = policy.*f.member;
    return base;
}

std::vector<PolicyDifference> policy_differences(const BankConfig& world, const BankConfig& profile) {
    std::vector<PolicyDifference> out;
    for (const PolicyField& f : kFields)
        if (world.*f.member != profile.*f.member) out.push_back({&f, world.*f.member, profile.*f.member});
    return out;
}

}  // namespace cp
