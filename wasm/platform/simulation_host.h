// certportal platform: hosts the simulation (core's cp::Simulation) in the browser — its storage
// (IndexedDB, or memory when the browser refuses), the PCs' key services (the Web Worker key-job
// runner, a WebCrypto device key per PC) and the page's random sources — and keeps the portal's
// view of it (PortalState::simulation) up to date.
#pragma once

#include <functional>
#include <memory>

#include "pki/jobs.h"
#include "portal/portal.h"

namespace cp::platform {

class SimulationHost {
public:
    // ca_name: the CA's name from the brand (しんきん電子証明書認証局).
    explicit SimulationHost(std::string ca_name);
    ~SimulationHost();

    // Starts loading (or, on the first run, creating) the simulated world. `changed` runs whenever
    // view() changes; the page then redraws.
    void start(std::function<void()> changed);
    const SimulationView& view() const;
    // The page's one key-generation worker (the diagnostics use it too).
    pki::KeyJobRunner& key_jobs();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace cp::platform
