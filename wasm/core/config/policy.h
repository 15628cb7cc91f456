// certportal core: a profile's policy — the numbers of BankConfig (bank/bank_config.h) that are a
// bank's choice, by the names a profile file gives them (config/profile.h), with the range each
// may take.
//
// The policy is the running world's: it is saved with the world (BankState::config), so a
// profile's policy makes the BankConfig of a NEW world (Simulation::set_new_world_config; the
// seed world, a scenario, a reset) and never changes the running one — a lockout count below the
// failures already counted, a pickup window that ends before a deadline already promised, would
// rewrite what the bank told its customers. policy_differences() says what a new world would
// change, for the page's notice.
//
// Not in the policy: pin_hash_iterations (the simulator's cost, not a rule a customer meets),
// web_access_confirmations (the OS's prompts, not the bank's), the key algorithm and size (a PC's
// key service, pc/pc_services.h: not in BankConfig nor saved with the world, and the PKI has
// RSA-2048 and P-256 only), the card's grid (fixed by bank_state.h's CustomerCard), the TLS
// version (added to BankConfig by the TLS login: a policy field once it is there).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "bank/bank_config.h"
#include "text/catalogue.h"

namespace cp {

struct PolicyField {
    const char* key;                      // the profile's name: the BankConfig member's ("pickup_window_days")
    std::uint32_t BankConfig::*member;
    std::uint32_t min;
    std::uint32_t max;
    const char* unit;                     // "days", "years", "tries"
    TextId label;                         // what the page calls it (a policy's notice)
};

// Every policy field, in the order README.md lists them.
std::span<const PolicyField> policy_fields();
const PolicyField* find_policy_field(std::string_view key);

// Rules between two fields (the second reminder not before the first, the card's shortest delay
// not above its longest): each names the two fields; a profile breaking one keeps both defaults.
struct PolicyRelation {
    const char* smaller;  // must be <= larger
    const char* larger;
};
std::span<const PolicyRelation> policy_relations();

// `base` with every policy field taken from `policy` (the other fields, PBKDF2's cost for one,
// stay `base`'s: the platform's and the tests' choice).
BankConfig with_policy(BankConfig base, const BankConfig& policy);

struct PolicyDifference {
    const PolicyField* field;
    std::uint32_t world;    // the running world's value
    std::uint32_t profile;  // what a new world would get
    bool operator==(const PolicyDifference&) const = default;
};
// The policy fields whose values differ, in policy_fields() order; empty: same rules.
std::vector<PolicyDifference> policy_differences(const BankConfig& world, const BankConfig& profile);

}  // namespace cp
