// certportal core: the page's top-level state — language, brand, what the simulation says of itself.
//
// Screens (wasm/ui) read a const PortalState (and the Session, portal/session.h); they emit commands
// to the session (portal/commands.h) and, for the page itself (language, dismissed notices), the
// Actions below. Only apply() changes this state: every transition testable without ImGui or a
// browser.
#pragma once

#include <string>
#include <vector>

#include "config/brand.h"
#include "text/catalogue.h"

namespace cp {

// What the page shows of the simulation running behind it (sim/simulation.h, hosted by the
// platform): whether it is ready, the simulated date and time, and where its data is kept.
enum class SimulationStatus : unsigned char { Starting, Preparing, Ready, Failed };
enum class StorageNotice : unsigned char {
    None,           // saved in this browser (IndexedDB)
    MemoryOnly,     // the browser refuses storage (private mode): lost on reload
    NewerVersion,   // a newer simulator's data is here: left untouched, this page keeps memory only
    QuotaExceeded,  // no room to save: memory only
    Interrupted,    // the database could not be set up: memory only
};

struct SimulationView {
    struct Clock {
        int year = 0, month = 0, day = 0, hour = 0, minute = 0;  // JST
    };
    SimulationStatus status = SimulationStatus::Starting;
    StorageNotice storage = StorageNotice::None;
    Clock now;                  // valid when Ready
    std::string failure;        // the bank's result name when Failed (for the message and logs)
    int set_aside_records = 0;  // damaged records moved to quarantine when loading
    bool created_this_run = false;  // the sample world was made now (first visit), not loaded
    // Preparing because a world is being replaced (a scenario, an import), not made the first
    // time: the status line says 「準備中…」 rather than the first visit's words.
    bool replacing = false;
};

struct PortalState {
    Language language = Language::Japanese;
    BrandConfig brand = default_brand();
    std::vector<std::string> config_problems;  // shown to the person, not only logged
    SimulationView simulation;                 // set by the platform; screens only read it
    bool storage_notice_dismissed = false;
    bool policy_notice_dismissed = false;  // the profile's other rules (Session::policy_differences), read
    bool coarse_pointer = false;  // set by the platform: the primary pointer is a finger (CSS
                                  // `pointer: coarse`): every target at least 44 px tall
};

enum class ActionKind : unsigned char {
    SetLanguage,
    DismissConfigProblems,
    DismissStorageNotice,
    DismissPolicyNotice,
};

struct Action {
    ActionKind kind;
    Language language = Language::Japanese;  // SetLanguage

    static Action set_language(Language l) { return {ActionKind::SetLanguage, l}; }
    static Action dismiss_config_problems() { return {ActionKind::DismissConfigProblems}; }
    static Action dismiss_storage_notice() { return {ActionKind::DismissStorageNotice}; }
    static Action dismiss_policy_notice() { return {ActionKind::DismissPolicyNotice}; }
};

// Applies one action; returns true when the state changed (the UI then redraws).
bool apply(PortalState& state, const Action& action);

}  // namespace cp
