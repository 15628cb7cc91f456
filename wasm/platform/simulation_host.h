// certportal platform: what the simulation needs from the browser — its storage (IndexedDB, or
// memory when the browser refuses), the PCs' key services (the Web Worker key-job runner, a
// WebCrypto device key per PC) and the page's random sources. start() hands them to the core's
// Session (portal/session.h), which owns the running Simulation, and keeps the portal's view of
// it (PortalState::simulation) up to date.
#pragma once

#include <functional>
#include <memory>

#include "pki/jobs.h"
#include "portal/portal.h"
#include "portal/session.h"

namespace cp::platform {

class SimulationHost {
public:
    // ca_name: the CA's name from the brand (しんきん電子証明書認証局). policy: the profile's
    // (config/policy.h): the BankConfig's policy fields of every world made (Simulation::new_world_config).
    SimulationHost(std::string ca_name, const BankConfig& policy);
    ~SimulationHost();

    // Starts the session's simulation: loading (or, on the first run, creating) the simulated
    // world. `changed` runs whenever the session reports a change (view() is refreshed first); the
    // page then redraws. `session` must outlive this host's use of it. `first_world`: the world
    // made when nothing is saved (a link's scenario, or the seeds' world).
    void start(Session& session, Preset first_world, std::function<void()> changed);
    const SimulationView& view() const;
    // The page's one key-generation worker (the diagnostics use it too).
    pki::KeyJobRunner& key_jobs();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace cp::platform
