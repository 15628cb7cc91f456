#include "simulation_host.h"

#include <cstdio>
#include <string>

#include "bank/clock.h"
#include "bank/random.h"
#include "config/policy.h"
#include "keys/webcrypto_device_key.h"
#include "keys/worker_key_job_runner.h"
#include "pki/random.h"
#include "sim/simulation.h"
#include "storage/indexeddb_storage.h"

namespace cp::platform {

struct SimulationHost::State {
    std::string ca_name;
    BankConfig policy;
    SystemRandom random;
    pki::Drbg ca_rng;
    pki::Drbg admin_rng;
    pki::Drbg user_rng;
    WorkerKeyJobRunner key_jobs;  // both PCs share the one worker: they are the same browser
    WebCryptoDeviceKey admin_device_key{std::string(kAdminPcName)};
    WebCryptoDeviceKey user_device_key{std::string(kUserPcName)};
    Session* session = nullptr;
    SimulationView view;
    std::function<void()> changed;
};

namespace {

StorageNotice notice_for(StorageStatus why) {
    switch (why) {
        case StorageStatus::Ok: return StorageNotice::None;
        case StorageStatus::VersionTooNew: return StorageNotice::NewerVersion;
        case StorageStatus::QuotaExceeded: return StorageNotice::QuotaExceeded;
        case StorageStatus::Interrupted: return StorageNotice::Interrupted;
        default: return StorageNotice::MemoryOnly;
    }
}

SimulationStatus status_for(Simulation::Stage stage) {
    switch (stage) {
        case Simulation::Stage::CreatingWorld:
        case Simulation::Stage::Saving: return SimulationStatus::Preparing;
        case Simulation::Stage::Ready: return SimulationStatus::Ready;
        case Simulation::Stage::Failed: return SimulationStatus::Failed;
        default: return SimulationStatus::Starting;
    }
}

}  // namespace

SimulationHost::SimulationHost(std::string ca_name, const BankConfig& policy) : state_(std::make_unique<State>()) {
    state_->ca_name = std::move(ca_name);
    state_->policy = policy;
}

SimulationHost::~SimulationHost() = default;

const SimulationView& SimulationHost::view() const { return state_->view; }

pki::KeyJobRunner& SimulationHost::key_jobs() { return state_->key_jobs; }

void SimulationHost::start(Session& session, Preset first_world, std::function<void()> changed) {
    State& s = *state_;
    s.session = &session;
    s.changed = std::move(changed);
    for (pki::Drbg* rng : {&s.ca_rng, &s.admin_rng, &s.user_rng}) {
        if (rng->seed_from_entropy("certportal page") != pki::PkiError::Ok) {
            s.view.status = SimulationStatus::Failed;
            s.view.failure = "RandomFailed";
            if (s.changed) s.changed();
            return;
        }
    }
    SimulationDesc desc;
    desc.open_database = [](const std::string& name, const StorageSchema& schema,
                            std::function<void(std::unique_ptr<Storage>, StorageStatus)> done) {
        open_best_storage(name, schema, [done = std::move(done)](OpenedStorage opened) {
            if (opened.backend == StorageBackend::Memory)
                std::fprintf(stderr, "certportal: %s\n", storage_choice_description(opened));
            done(std::move(opened.storage), opened.backend == StorageBackend::Memory && opened.indexeddb_status == StorageStatus::Ok
                                                ? StorageStatus::Unavailable
                                                : opened.indexeddb_status);
        });
    };
    desc.pc_database = [](const std::string& pc) { return database_name_for_pc(pc); };
    desc.admin_pc = PcServices{&s.key_jobs, &s.admin_device_key, &s.admin_rng};
    desc.user_pc = PcServices{&s.key_jobs, &s.user_device_key, &s.user_rng};
    desc.random = &s.random;
    desc.ca_rng = &s.ca_rng;
    desc.ca_setup.ca_name = s.ca_name;
    // The CA signs with ECDSA P-256: its keys are made on the page's thread at the first run, and
    // two RSA-2048 keys there would freeze the page for seconds. The PCs' keys stay RSA-2048
    // (PcServices' default) and are made in the worker.
    desc.ca_setup.key_type = pki::KeyType::EcP256;
    desc.first_world = first_world;
    desc.config = with_policy(desc.config, s.policy);
    session.start(std::move(desc), [this] {
        State& st = *state_;
        const Simulation& sim = *st.session->simulation();
        st.view.status = status_for(sim.stage());
        // Ready means the world a person will use: not one that is being replaced.
        st.view.replacing = st.view.status == SimulationStatus::Ready && !st.session->world_ready();
        if (st.view.replacing) st.view.status = SimulationStatus::Preparing;
        st.view.storage = notice_for(sim.storage_fallback());
        st.view.failure = sim.stage() == Simulation::Stage::Failed ? result_name(sim.failure()) : "";
        st.view.set_aside_records = static_cast<int>(sim.set_aside().size());
        st.view.created_this_run = sim.created_this_run();
        if (const Bank* bank = st.session->bank()) {
            const JstTime t = to_jst(bank->now());
            st.view.now = SimulationView::Clock{t.year, t.month, t.day, t.hour, t.minute};
        }
        if (st.changed) st.changed();
    });
}

}  // namespace cp::platform
