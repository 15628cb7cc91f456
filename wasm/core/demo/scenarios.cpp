#include "demo/scenarios.h"

#include <array>

namespace cp {
namespace {

// id, preset, title, description (TextId), procedure: one line a scenario.
using P = Preset;
using T = TextId;
using S = SeedProcedure;
constexpr std::array<Scenario, 10> kScenarios{{
    {"seed", P::SeedWorld, T::ScenarioSeedTitle, T::ScenarioSeedDescription, S::None},
    {"admin-renewal", P::AdminRenewalWindow, T::ScenarioAdminRenewalTitle, T::ScenarioAdminRenewalDescription, S::AdminRenewal},
    {"user-expired", P::UserCertificateExpired, T::ScenarioUserExpiredTitle, T::ScenarioUserExpiredDescription, S::UserReissue},
    {"pickup-pending", P::UserPickupPending, T::ScenarioPickupPendingTitle, T::ScenarioPickupPendingDescription, S::UserPickup},
    {"contract-locked", P::ContractLocked, T::ScenarioContractLockedTitle, T::ScenarioContractLockedDescription, S::BranchForm},
    {"card-lost", P::CardLost, T::ScenarioCardLostTitle, T::ScenarioCardLostDescription, S::BranchForm},
    {"pickup-passed", P::PickupWindowPassed, T::ScenarioPickupPassedTitle, T::ScenarioPickupPassedDescription, S::UserReissue},
    // A user's own renewal (seed 000 A3) has no guide: the seed numbers the administrator's steps.
    {"user-renewal", P::UserRenewalWindow, T::ScenarioUserRenewalTitle, T::ScenarioUserRenewalDescription, S::None},
    {"admin-expired", P::AdminCertificateExpired, T::ScenarioAdminExpiredTitle, T::ScenarioAdminExpiredDescription, S::BranchForm},
    {"hundred-users", P::HundredUsers, T::ScenarioHundredUsersTitle, T::ScenarioHundredUsersDescription, S::None},
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
