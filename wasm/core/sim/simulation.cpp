#include "sim/simulation.h"

#include <utility>


namespace cp {

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

void Simulation::fail(BankResult why) {
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
        fail(BankResult::WrongStep);  // a programming error: the desc is incomplete
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
    load_bank(*bank_storage_, [this, alive](BankResult r, BankState state, pki::SecretBytes authority, LoadReport report) {
        if (alive.expired()) return;
        set_aside_.insert(set_aside_.end(), report.set_aside.begin(), report.set_aside.end());
        // No saved world, or one whose state or CA had to be set aside: make a fresh one (the
        // damaged records stay in "quarantine" for inspection).
        if (r == BankResult::NothingSaved || r == BankResult::StateCorrupted || authority.view().empty()) {
            create_world();
            return;
        }
        if (r != BankResult::Ok) {
            fail(r);  // e.g. StateVersionUnsupported: a newer program's data, left untouched
            return;
        }
        if (authority_.decode(authority.view()) != BankResult::Ok) {
            create_world();
            return;
        }
        loaded_state_ = std::move(state);
        load_pcs();
    });
}

void Simulation::load_pcs() {
    std::weak_ptr<bool> alive = alive_;
    load_pc_store(*admin_storage_, std::string(kAdminPcName), [this, alive](BankResult r, PcCertificateStore store, LoadReport report) {
        if (alive.expired()) return;
        if (r != BankResult::Ok && r != BankResult::NothingSaved) return fail(r);
        set_aside_.insert(set_aside_.end(), report.set_aside.begin(), report.set_aside.end());
        admin_store_ = std::move(store);
        load_pc_store(*user_storage_, std::string(kUserPcName), [this, alive](BankResult r2, PcCertificateStore store2, LoadReport report2) {
            if (alive.expired()) return;
            if (r2 != BankResult::Ok && r2 != BankResult::NothingSaved) return fail(r2);
            set_aside_.insert(set_aside_.end(), report2.set_aside.begin(), report2.set_aside.end());
            user_store_ = std::move(store2);
            finish(std::move(loaded_state_));
        });
    });
}

void Simulation::create_world() {
    created_ = true;
    set_stage(Stage::CreatingWorld);
    const BankResult ca = authority_.create(desc_.ca_setup, kPresetCaNotBefore);
    if (ca != BankResult::Ok) return fail(ca);
    std::weak_ptr<bool> alive = alive_;
    make_preset(Preset::SeedWorld, *desc_.random, authority_, PresetPcs{desc_.admin_pc, desc_.user_pc}, desc_.config,
                [this, alive](BankResult r, World world) {
                    if (alive.expired()) return;
                    if (r != BankResult::Ok) return fail(r);
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

    struct Pending {
        std::vector<std::pair<Storage*, const InstalledCertificate*>> items;
        std::size_t next = 0;
    };
    auto pending = std::make_shared<Pending>();
    for (const InstalledCertificate& c : admin_store_.certificates) pending->items.push_back({admin_storage_.get(), &c});
    for (const InstalledCertificate& c : user_store_.certificates) pending->items.push_back({user_storage_.get(), &c});

    // A chain of saves, one completion starting the next. The pending callbacks hold the chain
    // alive (strong references); the chain itself only holds a weak one, so it is freed when the
    // last callback is done, also when the storage completes synchronously.
    std::weak_ptr<bool> alive = alive_;
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak_step = step;
    *step = [this, alive, pending, weak_step]() {
        std::shared_ptr<std::function<void()>> self = weak_step.lock();
        if (!self || alive.expired()) return;
        if (pending->next < pending->items.size()) {
            const auto [storage, certificate] = pending->items[pending->next++];
            save_installed_certificate(*storage, *certificate, [this, alive, self](BankResult r) {
                if (alive.expired()) return;
                if (r != BankResult::Ok) return fail(r);
                (*self)();
            });
            return;
        }
        const pki::SecretBytes ca = authority_.encode();
        save_bank(*bank_storage_, loaded_state_, ca.view(), [this, alive](BankResult r) {
            if (alive.expired()) return;
            if (r != BankResult::Ok) return fail(r);
            finish(std::move(loaded_state_));
        });
    };
    (*step)();
}

void Simulation::save(std::function<void(BankResult)> done) {
    if (stage_ != Stage::Ready || !bank_) {
        if (done) done(BankResult::WrongStep);
        return;
    }
    const pki::SecretBytes ca = authority_.encode();
    std::weak_ptr<bool> alive = alive_;
    save_bank(*bank_storage_, bank_->state(), ca.view(), [alive, done = std::move(done)](BankResult r) {
        if (alive.expired()) return;
        if (done) done(r);
    });
}

void Simulation::finish(BankState state) {
    bank_ = std::make_unique<Bank>(std::move(state), *desc_.random, authority_);
    set_stage(Stage::Ready);
}

}  // namespace cp
