#include "sim/simulation.h"

#include <utility>

namespace cp {
namespace {

// Asynchronous steps run one after the other: each gets the completion that starts the next.
using StepDone = std::function<void(FlowResult)>;
using AsyncStep = std::function<void(StepDone)>;

// Runs steps[next...]; `finished` gets Ok after the last one, or the first failure. Nothing runs
// once `alive` has expired (the Simulation was destroyed while storage was busy).
void run_steps(std::shared_ptr<const std::vector<AsyncStep>> steps, std::size_t next, std::weak_ptr<bool> alive,
               StepDone finished) {
    if (alive.expired()) return;
    if (next == steps->size()) return finished(FlowResult::Ok);
    const AsyncStep& step = (*steps)[next];
    step([steps, next, alive, finished = std::move(finished)](FlowResult r) mutable {
        if (alive.expired()) return;
        if (r != FlowResult::Ok) return finished(r);
        run_steps(std::move(steps), next + 1, std::move(alive), std::move(finished));
    });
}

}  // namespace

const char* simulation_stage_name(Simulation::Stage stage) {
    switch (stage) {
        case Simulation::Stage::Idle: return "Idle";
        case Simulation::Stage::Opening: return "Opening";
        case Simulation::Stage::Loading: return "Loading";
        case Simulation::Stage::CreatingWorld: return "CreatingWorld";
        case Simulation::Stage::Saving: return "Saving";
        case Simulation::Stage::Ready: return "Ready";
        case Simulation::Stage::Failed: return "Failed";
    }
    return "?";
}

Simulation::Simulation(SimulationDesc desc) : desc_(std::move(desc)), authority_(*desc_.ca_rng) {}

Simulation::~Simulation() = default;  // alive_ goes with it: pending completions see it expired

void Simulation::set_stage(Stage stage) {
    stage_ = stage;
    if (changed_) changed_();
}

void Simulation::fail(FlowResult why) {
    failure_ = why;
    set_stage(Stage::Failed);
}

void Simulation::note_fallback(StorageStatus why) {
    if (why != StorageStatus::Ok && fallback_ == StorageStatus::Ok) fallback_ = why;
}

void Simulation::start(std::function<void()> changed) {
    changed_ = std::move(changed);
    if (!desc_.open_database || !desc_.pc_database || desc_.random == nullptr || desc_.ca_rng == nullptr ||
        !desc_.admin_pc.complete() || !desc_.user_pc.complete()) {
        fail(FlowResult::WrongStep);  // a programming error: the desc is incomplete
        return;
    }
    set_stage(Stage::Opening);
    open_next();
}

// Opens the bank's database, then each PC's, one after the other.
void Simulation::open_next() {
    std::weak_ptr<bool> alive = alive_;
    auto opened = [this, alive](std::unique_ptr<Storage>& slot) {
        return [this, alive, &slot](std::unique_ptr<Storage> storage, StorageStatus fallback) {
            if (alive.expired()) return;
            note_fallback(fallback);
            slot = std::move(storage);
            open_next();
        };
    };
    if (!bank_storage_) {
        desc_.open_database(desc_.bank_database, bank_database_schema(), opened(bank_storage_));
    } else if (!admin_storage_) {
        desc_.open_database(desc_.pc_database(std::string(kAdminPcName)), pc_database_schema(), opened(admin_storage_));
    } else if (!user_storage_) {
        desc_.open_database(desc_.pc_database(std::string(kUserPcName)), pc_database_schema(), opened(user_storage_));
    } else {
        load();
    }
}

void Simulation::load() {
    set_stage(Stage::Loading);
    std::weak_ptr<bool> alive = alive_;
    load_bank(*bank_storage_, [this, alive](FlowResult r, BankState state, pki::SecretBytes authority, LoadReport report) {
        if (alive.expired()) return;
        set_aside_.insert(set_aside_.end(), report.set_aside.begin(), report.set_aside.end());
        // No saved world, or one whose state or CA had to be set aside: make a fresh one (the
        // damaged records stay in "quarantine" for inspection).
        if (r == PersistResult::NothingSaved || r == PersistResult::StateCorrupted || authority.view().empty()) {
            create_world();
            return;
        }
        if (r != FlowResult::Ok) {
            fail(r);  // e.g. StateVersionUnsupported: a newer program's data, left untouched
            return;
        }
        if (authority_.decode(authority.view()) != FlowResult::Ok) {
            create_world();
            return;
        }
        loaded_state_ = std::move(state);
        load_pcs();
    });
}

void Simulation::load_pcs() {
    std::weak_ptr<bool> alive = alive_;
    load_pc_store(*admin_storage_, std::string(kAdminPcName), [this, alive](FlowResult r, PcCertificateStore store, LoadReport report) {
        if (alive.expired()) return;
        if (r != FlowResult::Ok && r != PersistResult::NothingSaved) return fail(r);
        set_aside_.insert(set_aside_.end(), report.set_aside.begin(), report.set_aside.end());
        admin_store_ = std::move(store);
        load_pc_store(*user_storage_, std::string(kUserPcName), [this, alive](FlowResult r2, PcCertificateStore store2, LoadReport report2) {
            if (alive.expired()) return;
            if (r2 != FlowResult::Ok && r2 != PersistResult::NothingSaved) return fail(r2);
            set_aside_.insert(set_aside_.end(), report2.set_aside.begin(), report2.set_aside.end());
            user_store_ = std::move(store2);
            finish_loaded(std::move(loaded_state_));
        });
    });
}

void Simulation::create_world() {
    created_ = true;
    set_stage(Stage::CreatingWorld);
    const FlowResult ca = authority_.create(desc_.ca_setup, kPresetCaNotBefore);
    if (ca != FlowResult::Ok) return fail(ca);
    std::weak_ptr<bool> alive = alive_;
    make_preset(desc_.first_world, *desc_.random, authority_, PresetPcs{desc_.admin_pc, desc_.user_pc}, desc_.config,
                [this, alive](FlowResult r, World world) {
                    if (alive.expired()) return;
                    if (r != FlowResult::Ok) return fail(r);
                    save_world(std::move(world));
                });
}

// Saves the PCs' certificates first and the bank last: the bank record is what marks a world
// complete, so an interrupted first run is simply created again on the next start.
void Simulation::save_world(World world) {
    set_stage(Stage::Saving);
    admin_store_ = std::move(world.admin_pc);
    admin_store_.name = std::string(kAdminPcName);
    user_store_ = std::move(world.user_pc);
    user_store_.name = std::string(kUserPcName);
    loaded_state_ = std::move(world.bank);

    auto steps = std::make_shared<std::vector<AsyncStep>>();
    steps->push_back([this](StepDone step_done) {
        update_installed_certificates(*admin_storage_, admin_store_.certificates, {}, std::move(step_done));
    });
    steps->push_back([this](StepDone step_done) {
        update_installed_certificates(*user_storage_, user_store_.certificates, {}, std::move(step_done));
    });
    steps->push_back([this](StepDone step_done) {
        const pki::SecretBytes ca = authority_.encode();
        save_bank(*bank_storage_, loaded_state_, ca.view(), std::move(step_done));
    });
    run_steps(steps, 0, alive_, [this](FlowResult r) {
        if (r != FlowResult::Ok) return fail(r);
        finish(std::move(loaded_state_));
    });
}

void Simulation::reset(Preset preset, std::function<void(FlowResult)> done) {
    if (stage_ != Stage::Ready || !bank_ || resetting_) {
        if (done) done(FlowResult::WrongStep);
        return;
    }
    resetting_ = true;
    unusable_.clear();
    // Building the preset issues certificates with the running CA: its state before, to put back
    // if the new world cannot be saved.
    auto ca_before = std::make_shared<pki::SecretBytes>(authority_.encode());
    std::weak_ptr<bool> alive = alive_;
    make_preset(preset, *desc_.random, authority_, PresetPcs{desc_.admin_pc, desc_.user_pc}, desc_.config,
                [this, alive, ca_before, done = std::move(done)](FlowResult r, World world) mutable {
                    if (alive.expired()) return;
                    if (r != FlowResult::Ok) return end_reset(r, *ca_before, done);
                    save_reset(std::move(world), std::move(ca_before), std::move(done));
                });
}

namespace {

std::vector<std::string> serials_of(const PcCertificateStore& store) {
    std::vector<std::string> serials;
    for (const InstalledCertificate& c : store.certificates) serials.push_back(c.serial);
    return serials;
}

std::vector<std::string> serials_not_in(const PcCertificateStore& store, const PcCertificateStore& other) {
    std::vector<std::string> serials;
    for (const InstalledCertificate& c : store.certificates)
        if (other.find(c.serial) == nullptr) serials.push_back(c.serial);
    return serials;
}

// The archive's store for `name` (decode_world_archive guarantees both PCs are there).
PcCertificateStore take_pc(WorldArchive& archive, std::string_view name) {
    for (PcCertificateStore& pc : archive.pcs)
        if (pc.name == name) return std::move(pc);
    return PcCertificateStore{std::string(name), {}};
}

}  // namespace

WorldArchive Simulation::export_world() const {
    WorldArchive out;
    if (stage_ != Stage::Ready || !bank_) return out;
    out.bank = bank_->state();
    out.authority = authority_.encode();
    out.pcs = {admin_store_, user_store_};
    return out;
}

void Simulation::import_world(WorldArchive archive, std::function<void(FlowResult)> done) {
    if (stage_ != Stage::Ready || !bank_ || resetting_) {
        if (done) done(FlowResult::WrongStep);
        return;
    }
    auto ca_before = std::make_shared<pki::SecretBytes>(authority_.encode());
    if (authority_.decode(archive.authority.view()) != FlowResult::Ok) {
        if (done) done(PersistResult::StateCorrupted);
        return;
    }
    resetting_ = true;
    auto world = std::make_shared<World>();
    world->bank = std::move(archive.bank);
    world->admin_pc = take_pc(archive, kAdminPcName);
    world->user_pc = take_pc(archive, kUserPcName);
    probing_.clear();
    std::weak_ptr<bool> alive = alive_;
    probe_keys(world, 0, [this, alive, world, ca_before, done = std::move(done)]() mutable {
        if (alive.expired()) return;
        save_reset(std::move(*world), std::move(ca_before), [this, done = std::move(done)](FlowResult r) {
            if (r == FlowResult::Ok) unusable_ = std::move(probing_);  // a failed import keeps the old list
            probing_.clear();
            if (done) done(r);
        });
    });
}

// Tries the `next`th 中 key of the world (admin PC's first, then the user PC's) with its PC's
// device key; a key that does not open is listed in probing_ (unusable_ once the import is saved). The plaintext is dropped at once.
void Simulation::probe_keys(std::shared_ptr<World> world, std::size_t next, std::function<void()> done) {
    std::size_t index = next;
    for (PcCertificateStore* pc : {&world->admin_pc, &world->user_pc}) {
        if (index >= pc->certificates.size()) {
            index -= pc->certificates.size();
            continue;
        }
        const InstalledCertificate& c = pc->certificates[index];
        if (c.protection != KeyProtection::Medium) return probe_keys(world, next + 1, std::move(done));
        pki::DeviceKeyProtector* key = pc == &world->admin_pc ? desc_.admin_pc.device_key : desc_.user_pc.device_key;
        std::weak_ptr<bool> alive = alive_;
        const std::string serial = c.serial;
        key->unseal(c.protected_key.view(), [this, alive, world, next, serial, done = std::move(done)](
                                                pki::PkiError e, pki::SecretBytes) mutable {
            if (alive.expired()) return;
            if (e != pki::PkiError::Ok) probing_.push_back(serial);
            probe_keys(world, next + 1, std::move(done));
        });
        return;
    }
    done();
}

void Simulation::save_reset(World world, std::shared_ptr<pki::SecretBytes> ca_before, std::function<void(FlowResult)> done) {
    struct Job {
        World world;
        std::vector<std::string> new_admin, new_user, old_admin, old_user;
        bool admin_cleared = false;
    };
    auto job = std::make_shared<Job>();
    job->world = std::move(world);
    job->world.admin_pc.name = std::string(kAdminPcName);
    job->world.user_pc.name = std::string(kUserPcName);
    job->new_admin = serials_of(job->world.admin_pc);
    job->new_user = serials_of(job->world.user_pc);
    // An old certificate the new world also holds (an import into the browser that exported it)
    // is rewritten, not deleted afterwards.
    job->old_admin = serials_not_in(admin_store_, job->world.admin_pc);
    job->old_user = serials_not_in(user_store_, job->world.user_pc);

    // 1. the new certificates next to the old ones; 2. the bank, which makes the new world the
    // saved one; 3. the old certificates go.
    auto steps = std::make_shared<std::vector<AsyncStep>>();
    steps->push_back([this, job](StepDone step_done) {
        update_installed_certificates(*admin_storage_, job->world.admin_pc.certificates, {}, std::move(step_done));
    });
    steps->push_back([this, job](StepDone step_done) {
        update_installed_certificates(*user_storage_, job->world.user_pc.certificates, {}, std::move(step_done));
    });
    steps->push_back([this, job](StepDone step_done) {
        const pki::SecretBytes ca = authority_.encode();
        save_bank(*bank_storage_, job->world.bank, ca.view(), std::move(step_done));
    });
    std::weak_ptr<bool> alive = alive_;
    run_steps(steps, 0, alive_, [this, alive, job, ca_before, done = std::move(done)](FlowResult r) {
        if (r != FlowResult::Ok) {
            // Best effort: take the new certificates out again (the bank record is the old one).
            update_installed_certificates(*admin_storage_, {}, job->new_admin, [](FlowResult) {});
            update_installed_certificates(*user_storage_, {}, job->new_user, [](FlowResult) {});
            return end_reset(r, *ca_before, done);
        }
        update_installed_certificates(*admin_storage_, {}, job->old_admin, [this, alive, job, done](FlowResult ra) {
            if (alive.expired()) return;
            job->admin_cleared = ra == FlowResult::Ok;
            update_installed_certificates(*user_storage_, {}, job->old_user, [this, alive, job, done](FlowResult ru) {
                if (alive.expired()) return;
                // What a reload would find: old certificates that could not be deleted stay listed.
                if (!job->admin_cleared)
                    for (InstalledCertificate& c : admin_store_.certificates) job->world.admin_pc.install(std::move(c));
                if (ru != FlowResult::Ok)
                    for (InstalledCertificate& c : user_store_.certificates) job->world.user_pc.install(std::move(c));
                admin_store_ = std::move(job->world.admin_pc);
                user_store_ = std::move(job->world.user_pc);
                resetting_ = false;
                finish(std::move(job->world.bank));  // the previous Bank goes; stage stays Ready
                if (done) done(FlowResult::Ok);
            });
        });
    });
}

void Simulation::end_reset(FlowResult result, const pki::SecretBytes& ca_before, const std::function<void(FlowResult)>& done) {
    if (authority_.decode(ca_before.view()) != FlowResult::Ok) result = PersistResult::StorageFailed;
    resetting_ = false;
    if (done) done(result);
}

void Simulation::save_certificate(const PcCertificateStore& pc, const std::string& serial,
                                  std::function<void(FlowResult)> done) {
    Storage* storage = &pc == &admin_store_ ? admin_storage_.get() : &pc == &user_store_ ? user_storage_.get() : nullptr;
    const InstalledCertificate* certificate = pc.find(serial);
    if (stage_ != Stage::Ready || resetting_ || storage == nullptr || certificate == nullptr) {
        if (done) done(FlowResult::WrongStep);
        return;
    }
    std::weak_ptr<bool> alive = alive_;
    save_installed_certificate(*storage, *certificate, [alive, done = std::move(done)](FlowResult r) {
        if (alive.expired()) return;
        if (done) done(r);
    });
}

void Simulation::save(std::function<void(FlowResult)> done) {
    if (stage_ != Stage::Ready || !bank_ || resetting_) {
        if (done) done(FlowResult::WrongStep);
        return;
    }
    const pki::SecretBytes ca = authority_.encode();
    std::weak_ptr<bool> alive = alive_;
    save_bank(*bank_storage_, bank_->state(), ca.view(), [alive, done = std::move(done)](FlowResult r) {
        if (alive.expired()) return;
        if (done) done(r);
    });
}

void Simulation::save_pc_store(const PcCertificateStore& store, std::vector<InstalledCertificate> written,
                               std::vector<std::string> removed, std::function<void(FlowResult)> done) {
    Storage* storage = &store == &admin_store_ ? admin_storage_.get() : &store == &user_store_ ? user_storage_.get() : nullptr;
    if (stage_ != Stage::Ready || resetting_ || storage == nullptr) {
        if (done) done(FlowResult::WrongStep);
        return;
    }
    std::weak_ptr<bool> alive = alive_;
    update_installed_certificates(*storage, written, removed, [alive, done = std::move(done)](FlowResult result) {
        if (alive.expired()) return;
        if (done) done(result);
    });
}

bool reconcile_installations(Bank& bank, const PcCertificateStore& admin_pc, const PcCertificateStore& user_pc) {
    const std::vector<Issuance> awaiting = bank.state().issuances;
    for (const Issuance& i : awaiting) {
        const PcCertificateStore* pc = i.pc == admin_pc.name ? &admin_pc : i.pc == user_pc.name ? &user_pc : nullptr;
        if (pc != nullptr && pc->find(i.serial) != nullptr) (void)bank.confirm_installation(i.serial);
        else bank.report_install_failed(i.holder, i.serial, BankResult::InstallInterrupted);
    }
    return !awaiting.empty();
}

// A loaded world: what was issued and not confirmed is settled against the PCs' stores as loaded,
// and saved, before anything runs on it; so is the TLS server identity a world saved before the
// TLS login lacked (PkiAuthority::decode made one).
void Simulation::finish_loaded(BankState state) {
    bank_ = std::make_unique<Bank>(std::move(state), *desc_.random, authority_);
    const bool reconciled = reconcile_installations(*bank_, admin_store_, user_store_);
    if (!reconciled && !authority_.made_server_identity()) return set_stage(Stage::Ready);
    set_stage(Stage::Saving);
    const pki::SecretBytes ca = authority_.encode();
    std::weak_ptr<bool> alive = alive_;
    save_bank(*bank_storage_, bank_->state(), ca.view(), [this, alive](FlowResult r) {
        if (alive.expired()) return;
        if (r != FlowResult::Ok) return fail(r);
        set_stage(Stage::Ready);
    });
}

void Simulation::finish(BankState state) {
    bank_ = std::make_unique<Bank>(std::move(state), *desc_.random, authority_);
    set_stage(Stage::Ready);
}

}  // namespace cp
