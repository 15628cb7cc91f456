// Simulation: first run creates and saves the seed world; later runs load it; storage fallbacks
// and damaged or interrupted saves are reported and recovered from.
#include "sim/simulation.h"

#include <gtest/gtest.h>

#include <map>

#include "bank_test_support.h"
#include "sim/presets.h"
#include "storage/memory_storage.h"

namespace {

using cp::FlowResult;
using cp::PersistResult;
using cp::Simulation;
using cp::StorageStatus;

// A Storage the Simulation owns that forwards to a MemoryStorage the test keeps, so that a second
// Simulation ("after a reload") sees what the first one saved.
class Forwarding final : public cp::Storage {
public:
    explicit Forwarding(cp::MemoryStorage& target) : target_(target) {}
    void open(const cp::StorageSchema& schema, Opened done) override { target_.open(schema, std::move(done)); }
    void read_store(const std::string& store, Read done) override { target_.read_store(store, std::move(done)); }
    void commit(cp::WriteBatch batch, Done done) override { target_.commit(std::move(batch), std::move(done)); }

private:
    cp::MemoryStorage& target_;
};

// The "browser profile": databases by name, surviving Simulations.
struct Profile {
    std::map<std::string, cp::MemoryStorage> databases;
    StorageStatus fallback = StorageStatus::Ok;  // what open_database reports
    std::vector<std::string> opened;

    cp::OpenDatabase opener() {
        return [this](const std::string& name, const cp::StorageSchema& schema,
                      std::function<void(std::unique_ptr<cp::Storage>, StorageStatus)> done) {
            opened.push_back(name);
            auto storage = std::make_unique<Forwarding>(databases[name]);
            if (cp::open_now(*storage, schema) != StorageStatus::Ok) ADD_FAILURE() << "open " << name;
            done(std::move(storage), fallback);
        };
    }
};

struct PageRun {
    explicit PageRun(Profile& profile, std::uint64_t seed = 7)
        : random(seed), admin("sim admin"), user("sim user") {
        if (ca_rng.seed_deterministic_for_tests(cp::test::label_bytes("sim ca")) != cp::pki::PkiError::Ok) ADD_FAILURE();
        cp::SimulationDesc desc;
        desc.open_database = profile.opener();
        desc.pc_database = [](const std::string& pc) { return "pc:" + pc; };
        desc.admin_pc = admin.services();
        desc.user_pc = user.services();
        desc.random = &random;
        desc.ca_rng = &ca_rng;
        desc.ca_setup.key_type = cp::pki::KeyType::EcP256;
        desc.config = cp::test::fast_config();
        simulation = std::make_unique<Simulation>(std::move(desc));
        simulation->start([this] { ++changes; });
    }
    cp::SeededRandom random;
    cp::pki::Drbg ca_rng;
    cp::test::TestPc admin;
    cp::test::TestPc user;
    std::unique_ptr<Simulation> simulation;
    int changes = 0;
};

TEST(Simulation, FirstRunCreatesAndSavesTheSeedWorld) {
    Profile profile;
    PageRun run(profile);
    Simulation& sim = *run.simulation;
    ASSERT_EQ(sim.stage(), Simulation::Stage::Ready) << cp::result_name(sim.failure());
    EXPECT_TRUE(sim.created_this_run());
    EXPECT_EQ(sim.storage_fallback(), StorageStatus::Ok);
    EXPECT_EQ(profile.opened, (std::vector<std::string>{"certportal-bank", "pc:admin-pc", "pc:user-pc"}));
    ASSERT_NE(sim.bank(), nullptr);
    EXPECT_EQ(sim.bank()->state().contract.id, cp::kSeedSecrets.contract_id);
    EXPECT_EQ(sim.admin_pc().certificates.size(), 1u);
    EXPECT_EQ(sim.user_pc().certificates.size(), 2u);  // S0001 and S0002
    EXPECT_FALSE(profile.databases["certportal-bank"].raw()["bank"].empty());
    EXPECT_EQ(profile.databases["pc:user-pc"].raw()["certificates"].size(), 2u);
    EXPECT_EQ(profile.databases["pc:user-pc"].raw()["keys"].size(), 2u);
    EXPECT_GE(run.changes, 5);  // Opening, Loading, CreatingWorld, Saving, Ready
}

TEST(Simulation, ASecondRunLoadsWhatTheFirstSaved) {
    Profile profile;
    std::string admin_serial;
    cp::SimTime now = 0;
    {
        PageRun first(profile);
        ASSERT_EQ(first.simulation->stage(), Simulation::Stage::Ready);
        ASSERT_EQ(first.simulation->bank()->advance_time(cp::days(3)), FlowResult::Ok);
        FlowResult saved = FlowResult::WrongStep;
        first.simulation->save([&](FlowResult r) { saved = r; });
        EXPECT_EQ(saved, FlowResult::Ok);
        admin_serial = first.simulation->admin_pc().certificates.front().serial;
        now = first.simulation->bank()->now();
        ASSERT_EQ(first.simulation->bank()->advance_time(cp::days(1)), FlowResult::Ok);  // not saved
    }
    PageRun second(profile, 99);  // other seeds: a fresh world would differ
    Simulation& sim = *second.simulation;
    ASSERT_EQ(sim.stage(), Simulation::Stage::Ready) << cp::result_name(sim.failure());
    EXPECT_FALSE(sim.created_this_run());
    ASSERT_EQ(sim.admin_pc().certificates.size(), 1u);
    EXPECT_EQ(sim.admin_pc().certificates.front().serial, admin_serial);
    // The world as last saved: three days on, not the unsaved fourth.
    EXPECT_EQ(sim.bank()->now(), now);
}

TEST(Simulation, AFallbackToMemoryIsReportedAndTheWorldStillRuns) {
    Profile profile;
    profile.fallback = StorageStatus::Unavailable;
    PageRun run(profile);
    EXPECT_EQ(run.simulation->stage(), Simulation::Stage::Ready);
    EXPECT_EQ(run.simulation->storage_fallback(), StorageStatus::Unavailable);
}

TEST(Simulation, AnInterruptedFirstSaveFailsClearlyAndTheNextRunStartsOver) {
    Profile profile;
    profile.databases["certportal-bank"].set_quota_bytes(64);  // the bank record does not fit
    {
        PageRun run(profile);
        EXPECT_EQ(run.simulation->stage(), Simulation::Stage::Failed);
        EXPECT_EQ(run.simulation->failure(), PersistResult::StorageFailed);
        EXPECT_TRUE(profile.databases["certportal-bank"].raw()["bank"].empty()) << "nothing half-saved";
    }
    profile.databases["certportal-bank"].set_quota_bytes(0);
    PageRun again(profile);
    EXPECT_EQ(again.simulation->stage(), Simulation::Stage::Ready);
    EXPECT_TRUE(again.simulation->created_this_run());
}

TEST(Simulation, ADamagedBankRecordIsSetAsideAndAFreshWorldMade) {
    Profile profile;
    { PageRun first(profile); }
    auto& state = profile.databases["certportal-bank"].raw()["bank"]["state"];
    ASSERT_FALSE(state.empty());
    state[state.size() / 2] ^= 0x5A;
    PageRun second(profile);
    EXPECT_EQ(second.simulation->stage(), Simulation::Stage::Ready);
    EXPECT_TRUE(second.simulation->created_this_run());
    EXPECT_FALSE(second.simulation->set_aside().empty());
}

std::vector<std::string> serials(const cp::PcCertificateStore& store) {
    std::vector<std::string> out;
    for (const auto& c : store.certificates) out.push_back(c.serial);
    return out;
}

std::vector<std::uint8_t> bytes(const cp::pki::SecretBytes& s) { return {s.view().begin(), s.view().end()}; }

TEST(Simulation, ResetToHundredUsersIsSavedAndTheNextRunLoadsIt) {
    Profile profile;
    PageRun first(profile);
    Simulation& sim = *first.simulation;
    ASSERT_EQ(sim.stage(), Simulation::Stage::Ready);
    const std::vector<std::string> old_admin = serials(sim.admin_pc());
    const cp::Bank* old_bank = sim.bank();
    FlowResult reset = FlowResult::WrongStep;
    sim.reset(cp::Preset::HundredUsers, [&](FlowResult r) { reset = r; });
    ASSERT_EQ(reset, FlowResult::Ok) << cp::result_name(reset);
    EXPECT_FALSE(sim.resetting());
    EXPECT_EQ(sim.stage(), Simulation::Stage::Ready);
    ASSERT_NE(sim.bank(), nullptr);
    EXPECT_NE(sim.bank(), old_bank) << "a new Bank";
    EXPECT_EQ(sim.bank()->state().users.size(), 100u);
    const auto& audit = sim.bank()->state().audit.entries();
    ASSERT_FALSE(audit.empty());
    EXPECT_EQ(audit.back().action, cp::AuditAction::PresetLoaded);
    EXPECT_EQ(audit.back().target, "HundredUsers");
    ASSERT_EQ(sim.admin_pc().certificates.size(), 1u);
    EXPECT_NE(serials(sim.admin_pc()), old_admin) << "the preset's own certificates";
    EXPECT_EQ(sim.user_pc().certificates.size(), 2u);
    // The databases hold exactly the new stores: the old certificates and keys are gone.
    EXPECT_EQ(profile.databases["pc:admin-pc"].raw()["certificates"].size(), 1u);
    EXPECT_EQ(profile.databases["pc:admin-pc"].raw()["keys"].size(), 1u);
    EXPECT_EQ(profile.databases["pc:user-pc"].raw()["certificates"].size(), 2u);
    EXPECT_EQ(profile.databases["pc:user-pc"].raw()["keys"].size(), 2u);

    PageRun second(profile, 99);
    Simulation& again = *second.simulation;
    ASSERT_EQ(again.stage(), Simulation::Stage::Ready) << cp::result_name(again.failure());
    EXPECT_FALSE(again.created_this_run());
    EXPECT_EQ(again.bank()->state().users.size(), 100u);
    EXPECT_EQ(again.admin_pc(), sim.admin_pc());
    EXPECT_EQ(again.user_pc(), sim.user_pc());
    EXPECT_TRUE(again.set_aside().empty());
    EXPECT_EQ(again.bank()->state().users[41].id, "S0042");
}

TEST(Simulation, AStorageFailureDuringResetKeepsThePreviousWorld) {
    Profile profile;
    PageRun first(profile);
    Simulation& sim = *first.simulation;
    ASSERT_EQ(sim.stage(), Simulation::Stage::Ready);
    ASSERT_EQ(sim.bank()->advance_time(cp::days(2)), FlowResult::Ok);
    FlowResult saved = FlowResult::WrongStep;
    sim.save([&](FlowResult r) { saved = r; });
    ASSERT_EQ(saved, FlowResult::Ok);
    const std::vector<std::string> old_admin = serials(sim.admin_pc()), old_user = serials(sim.user_pc());
    const cp::SimTime now = sim.bank()->now();
    const std::vector<std::uint8_t> ca = bytes(sim.authority().encode());
    const cp::Bank* old_bank = sim.bank();

    profile.databases["certportal-bank"].set_quota_bytes(64);  // the new bank record does not fit
    FlowResult reset = FlowResult::Ok;
    sim.reset(cp::Preset::HundredUsers, [&](FlowResult r) { reset = r; });
    EXPECT_EQ(reset, PersistResult::StorageFailed);
    EXPECT_FALSE(sim.resetting());
    EXPECT_EQ(sim.stage(), Simulation::Stage::Ready);
    EXPECT_EQ(sim.bank(), old_bank);
    EXPECT_EQ(sim.bank()->state().users.size(), 2u);
    EXPECT_EQ(sim.bank()->now(), now);
    EXPECT_EQ(serials(sim.admin_pc()), old_admin);
    EXPECT_EQ(serials(sim.user_pc()), old_user);
    EXPECT_EQ(bytes(sim.authority().encode()), ca) << "the CA as it was";
    // Storage too: the new certificates were taken out again.
    EXPECT_EQ(profile.databases["pc:admin-pc"].raw()["certificates"].size(), 1u);
    EXPECT_EQ(profile.databases["pc:user-pc"].raw()["keys"].size(), 2u);

    profile.databases["certportal-bank"].set_quota_bytes(0);
    PageRun second(profile, 99);
    Simulation& again = *second.simulation;
    ASSERT_EQ(again.stage(), Simulation::Stage::Ready);
    EXPECT_EQ(again.bank()->state().users.size(), 2u);
    EXPECT_EQ(again.bank()->now(), now);
    EXPECT_EQ(serials(again.admin_pc()), old_admin);
    EXPECT_EQ(serials(again.user_pc()), old_user);
}

TEST(Simulation, SavingOrResettingBeforeReadyIsRefused) {
    cp::pki::Drbg rng;
    cp::SimulationDesc desc;
    desc.ca_rng = &rng;
    Simulation sim(std::move(desc));
    FlowResult saved = FlowResult::Ok;
    sim.save([&](FlowResult r) { saved = r; });
    EXPECT_EQ(saved, FlowResult::WrongStep);
    FlowResult reset = FlowResult::Ok;
    sim.reset(cp::Preset::HundredUsers, [&](FlowResult r) { reset = r; });
    EXPECT_EQ(reset, FlowResult::WrongStep);
    sim.start({});  // Failed (the description is incomplete): still refused
    reset = FlowResult::Ok;
    sim.reset(cp::Preset::SeedWorld, [&](FlowResult r) { reset = r; });
    EXPECT_EQ(reset, FlowResult::WrongStep);
    EXPECT_FALSE(sim.resetting());
}

TEST(Simulation, AnIncompleteDescriptionFailsInsteadOfCrashing) {
    cp::pki::Drbg rng;
    cp::SimulationDesc desc;
    desc.ca_rng = &rng;
    Simulation sim(std::move(desc));
    sim.start({});
    EXPECT_EQ(sim.stage(), Simulation::Stage::Failed);
}

TEST(Simulation, StageNames) {
    EXPECT_STREQ(cp::simulation_stage_name(Simulation::Stage::CreatingWorld), "CreatingWorld");
    EXPECT_STREQ(cp::simulation_stage_name(Simulation::Stage::Ready), "Ready");
}

}  // namespace
