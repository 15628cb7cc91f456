// certportal sim: the running simulation — the bank and the two simulated PCs, started from
// storage. On the first run (empty databases) it creates the bank's CA and the seeds' world
// (presets.h: SeedWorld, or the link's scenario: SimulationDesc::first_world) and saves them;
// afterwards it loads what was saved, so a reload or a browser restart continues where the person
// left off.
//
//   Opening ──► Loading ──► Ready
//                  ├─(issuances awaiting installation: reconciled)─► Saving ──► Ready
//                  │
//                  └─(nothing saved / state set aside)─► CreatingWorld ──► Saving ──► Ready
//   Ready ──reset(preset)──► Ready (the preset's world, saved; or, on failure, the previous one)
//   any step ──► Failed (failure() says why; nothing half-saved: the world is saved bank first,
//                        then each PC's certificates, and a first run that stops early starts
//                        over next time because the bank record alone is not a complete world)
//
// Storage is the platform's choice through SimulationDesc::open_database (IndexedDB in the
// browser, memory when the browser refuses; memory or files natively). When a database had to
// fall back to memory, storage_fallback() says why, for the page's message.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bank/bank.h"
#include "bank/bank_config.h"
#include "bank/pki_authority.h"
#include "bank/random.h"
#include "pc/pc_certificate_store.h"
#include "pc/pc_id.h"
#include "pc/pc_services.h"
#include "sim/persistence.h"
#include "sim/presets.h"
#include "sim/world_archive.h"
#include "storage/storage.h"

namespace cp {

// Opens database `name` with `schema`; calls `done` once with a storage (never null) and Ok, or
// the reason it is memory instead (Unavailable, VersionTooNew, QuotaExceeded, Interrupted).
using OpenDatabase = std::function<void(const std::string& name, const StorageSchema& schema,
                                        std::function<void(std::unique_ptr<Storage>, StorageStatus fallback)>)>;

struct SimulationDesc {
    OpenDatabase open_database;                           // required
    std::string bank_database = "certportal-bank";
    std::function<std::string(const std::string& pc_name)> pc_database;  // required: PC name → database name
    PcServices admin_pc;                                  // required (complete())
    PcServices user_pc;                                   // required (complete())
    RandomSource* random = nullptr;                       // required: PIN salts, card grids, challenges
    pki::Drbg* ca_rng = nullptr;                          // required: the CA's signatures
    pki::CaSetup ca_setup;                                // the CA's name (brand) and key type
    BankConfig config;
    // The world made when nothing is saved (the first visit): the seeds' world, or the scenario a
    // link names, so that a link's first visit builds and shows only the world it asked for.
    Preset first_world = Preset::SeedWorld;
};

class Simulation {
public:
    enum class Stage : std::uint8_t { Idle, Opening, Loading, CreatingWorld, Saving, Ready, Failed };

    explicit Simulation(SimulationDesc desc);
    ~Simulation();
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    // Starts; `changed` runs after every stage change (the page redraws). Call once.
    void start(std::function<void()> changed);

    Stage stage() const { return stage_; }
    FlowResult failure() const { return failure_; }      // Ok unless Failed
    StorageStatus storage_fallback() const { return fallback_; }  // Ok: everything is persisted
    bool created_this_run() const { return created_; }   // first run (or the saved world was unusable)
    const std::vector<SetAsideRecord>& set_aside() const { return set_aside_; }

    // Saves the bank (state and CA) as it is now, in one transaction; the PCs' stores are saved by
    // the procedures that change them (save_installed_certificate). WrongStep unless Ready.
    void save(std::function<void(FlowResult)> done);

    // Replaces the running world by `preset` (presets.h), built with this simulation's CA and PC
    // services, and saves it before swapping it in: first the new certificates on each PC, then the
    // bank (state and CA, one transaction), then the old certificates are deleted. `done` gets Ok
    // once bank(), admin_pc() and user_pc() are the new world (the previous Bank is destroyed:
    // nothing may keep a reference into it), or the failure with the previous world still in
    // memory and in storage (the new certificates already written are deleted again, best effort).
    // If only deleting the old certificates fails, the new world is in place and the certificates
    // left behind stay listed in that PC's store, in memory as in storage. WrongStep unless Ready
    // and no other reset is running; save() is refused (WrongStep) while one is.
    void reset(Preset preset, std::function<void(FlowResult)> done);
    bool resetting() const { return resetting_; }
    // The BankConfig every world made from now on gets (the first world, a reset; an import keeps
    // its own): SimulationDesc::config at first, a profile's policy (config/policy.h) once set.
    // The running world keeps the config it was made with (saved with it).
    const BankConfig& new_world_config() const { return desc_.config; }
    void set_new_world_config(const BankConfig& config) { desc_.config = config; }

    // The running world as it is in memory (bank, CA, both PCs' stores, keys still protected):
    // for the console's export (world_archive.h). Ready only: an empty archive otherwise.
    WorldArchive export_world() const;
    // Replaces the running world by an imported one, saved exactly as reset() saves a preset (new
    // certificates, then the bank and CA, then the old certificates; any failure keeps the
    // previous world). First each 中 key is tried with this browser's device key of its PC: the
    // ones that cannot be opened (sealed in another browser) are listed by unusable_keys() — they
    // stay in the store, shown as unusable instead of failing at the next login. StateCorrupted
    // when the archive's CA does not decode (nothing changed); WrongStep as for reset().
    void import_world(WorldArchive world, std::function<void(FlowResult)> done);
    // Serials of the imported certificates whose key this browser cannot open (until the next reset
    // or import).
    const std::vector<std::string>& unusable_keys() const { return unusable_; }

    // Ready only.
    Bank* bank() { return bank_.get(); }
    const PcCertificateStore& admin_pc() const { return admin_store_; }
    const PcCertificateStore& user_pc() const { return user_store_; }
    const PcCertificateStore& pc(PcId id) const { return id == PcId::Admin ? admin_store_ : user_store_; }
    // Saves one installed certificate of `pc` (admin_pc() or user_pc()), certificate and key in one
    // transaction. WrongStep unless Ready, for another store, or for a serial the store lacks.
    void save_certificate(const PcCertificateStore& pc, const std::string& serial, std::function<void(FlowResult)> done);
    const PkiAuthority& authority() const { return authority_; }
    // The stores the procedures change (a renewal or a pickup installs, the certificate manager
    // deletes); save_certificate() or save_pc_store() then writes the change.
    PcCertificateStore& mutable_pc(PcId id) { return id == PcId::Admin ? admin_store_ : user_store_; }
    // Writes `written` and deletes `removed` (serials) in `store`'s database, one transaction.
    // WrongStep unless Ready (or while a reset runs) or when `store` is not one of the two PCs.
    void save_pc_store(const PcCertificateStore& store, std::vector<InstalledCertificate> written,
                       std::vector<std::string> removed, std::function<void(FlowResult)> done);
    // The key services of each simulated PC (for the procedures that run on it).
    const PcServices& services(PcId id) const { return id == PcId::Admin ? desc_.admin_pc : desc_.user_pc; }

private:
    void set_stage(Stage stage);
    void fail(FlowResult why);
    void note_fallback(StorageStatus why);
    void open_next();
    void load();
    void load_pcs();
    void create_world();
    void save_world(World world);
    void save_reset(World world, std::shared_ptr<pki::SecretBytes> ca_before, std::function<void(FlowResult)> done);
    void end_reset(FlowResult result, const pki::SecretBytes& ca_before, const std::function<void(FlowResult)>& done);
    void finish(BankState state);
    void finish_loaded(BankState state);
    void probe_keys(std::shared_ptr<World> world, std::size_t next, std::function<void()> done);

    SimulationDesc desc_;
    std::function<void()> changed_;
    Stage stage_ = Stage::Idle;
    FlowResult failure_ = FlowResult::Ok;
    StorageStatus fallback_ = StorageStatus::Ok;
    bool created_ = false;
    bool resetting_ = false;
    std::vector<SetAsideRecord> set_aside_;
    std::vector<std::string> unusable_;
    std::vector<std::string> probing_;  // an import's unusable keys, until it is saved

    std::unique_ptr<Storage> bank_storage_;
    std::unique_ptr<Storage> admin_storage_;
    std::unique_ptr<Storage> user_storage_;
    PkiAuthority authority_;
    BankState loaded_state_;
    PcCertificateStore admin_store_;
    PcCertificateStore user_store_;
    std::unique_ptr<Bank> bank_;
    // Completions hold a weak reference: once the Simulation is destroyed, late storage or
    // key-job completions find it expired and do nothing.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

const char* simulation_stage_name(Simulation::Stage stage);

// Every start settles what the bank recorded as issued, awaiting installation (docs/domain.md,
// "Issuance: what the bank records before a PC installs"): a certificate its PC's store holds is
// confirmed (Bank::confirm_installation); one it does not hold is revoked with the reason
// InstallInterrupted (Bank::report_install_failed: a pickup is used up, a renewal leaves the old
// certificate in use). True when anything changed (the bank must then be saved).
bool reconcile_installations(Bank& bank, const PcCertificateStore& admin_pc, const PcCertificateStore& user_pc);

}  // namespace cp
