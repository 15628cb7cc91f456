#include "demo/scenarios.h"

#include <array>

namespace cp {
namespace {

// id, preset, title, description (TextId), procedure: one line a scenario.
using P = Preset;
using T = TextId;
using Seed = SeedProcedure;
constexpr std::array<Scenario, 10> kScenarios{{
    {"seed", P::SeedWorld, T::ScenarioSeedTitle, T::ScenarioSeedDescription, Seed::None},
    {"admin-renewal", P::AdminRenewalWindow, T::ScenarioAdminRenewalTitle, T::ScenarioAdminRenewalDescription, Seed::AdminRenewal},
    {"user-expired", P::UserCertificateExpired, T::ScenarioUserExpiredTitle, T::ScenarioUserExpiredDescription, Seed::UserReissue},
    {"pickup-pending", P::UserPickupPending, T::ScenarioPickupPendingTitle, T::ScenarioPickupPendingDescription, Seed::UserPickup},
    {"contract-locked", P::ContractLocked, T::ScenarioContractLockedTitle, T::ScenarioContractLockedDescription, Seed::BranchForm},
    {"card-lost", P::CardLost, T::ScenarioCardLostTitle, T::ScenarioCardLostDescription, Seed::BranchForm},
    {"pickup-passed", P::PickupWindowPassed, T::ScenarioPickupPassedTitle, T::ScenarioPickupPassedDescription, Seed::UserReissue},
    // A user's own renewal (seed 000 A3) has no guide: the seed numbers the administrator's steps.
    {"user-renewal", P::UserRenewalWindow, T::ScenarioUserRenewalTitle, T::ScenarioUserRenewalDescription, Seed::None},
    {"admin-expired", P::AdminCertificateExpired, T::ScenarioAdminExpiredTitle, T::ScenarioAdminExpiredDescription, Seed::BranchForm},
    {"hundred-users", P::HundredUsers, T::ScenarioHundredUsersTitle, T::ScenarioHundredUsersDescription, Seed::None},
}};

}  // namespace

std::span<const Scenario> scenarios() { return kScenarios; }

const Scenario* find_scenario(std::string_view id) {
    for (const Scenario& s : kScenarios)
        if (s.id == id) return &s;
    return nullptr;
}

const Scenario& scenario_of(Preset preset) {
    for (const Scenario& s : kScenarios)
        if (s.preset == preset) return s;
    return kScenarios.front();  // unreachable: a test checks every preset has its scenario
}

}  // namespace cp
