// certportal demo: the scenario catalogue — what the demo console, links (?scenario=<id>) and the
// kiosk start. One entry per seed procedure and failure path, each a preset of the simulation
// (sim/presets.h) with a stable id (links outlive releases: never rename one), a title and a
// one-line description from the string catalogue, and which part of the seeds it starts.
#pragma once

#include <span>
#include <string_view>

#include "sim/presets.h"
#include "text/catalogue.h"

namespace cp {

// The seed procedure a scenario starts (the guide shows its numbered steps).
enum class SeedProcedure : std::uint8_t {
    None = 0,          // no procedure of its own (the seed world, 100 users)
    AdminRenewal,      // seed 000: 管理者電子証明書の更新 (1)-(15)
    UserReissue,       // seed 001 part 1: 管理者が利用者の電子証明書を再発行する
    UserPickup,        // seed 001 part 2: 利用者が電子証明書を取得する
    BranchForm,        // a failure path only the branch resolves (a paper form at お取引店)
};

struct Scenario {
    std::string_view id;      // in links: ?scenario=<id>
    Preset preset;
    TextId title;
    TextId description;       // one line: the state the scenario starts in
    SeedProcedure procedure;
};

// Every scenario, the seed world first (the default).
std::span<const Scenario> scenarios();
// nullptr for an unknown id.
const Scenario* find_scenario(std::string_view id);
// The scenario of `preset` (every preset has exactly one).
const Scenario& scenario_of(Preset preset);

}  // namespace cp
