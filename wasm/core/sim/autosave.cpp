#include "sim/autosave.h"

#include <algorithm>
#include <utility>

#include "sim/simulation.h"

namespace cp {
namespace {

std::vector<std::string> awaiting_serials(const Bank& bank) {
    std::vector<std::string> serials;
    for (const Issuance& i : bank.state().issuances) serials.push_back(i.serial);
    return serials;
}

std::vector<std::string> store_serials(const PcCertificateStore& store) {
    std::vector<std::string> serials;
    for (const InstalledCertificate& c : store.certificates) serials.push_back(c.serial);
    return serials;
}

bool contains(const std::vector<std::string>& serials, std::string_view serial) {
    return std::find(serials.begin(), serials.end(), serial) != serials.end();
}

constexpr PcId kPcs[] = {PcId::Admin, PcId::User};

}  // namespace

Autosave::Autosave(Simulation& simulation, std::function<void(const Ended&)> ended)
    : simulation_(simulation), ended_(std::move(ended)) {}

void Autosave::update(std::string_view pickup) {
    if (simulation_.stage() != Simulation::Stage::Ready || simulation_.bank() == nullptr || simulation_.resetting()) return;
    if (saving_) return;
    if (baseline_taken_ && save_issuance_intent()) return;  // the bank knows before any PC writes
    if (save_pickup_certificate(pickup)) return;            // the PC, then the bank confirms it
    if (!baseline_taken_) {  // the world as loaded (or created and saved) is the saved state
        take_baseline();
        return;
    }
    if (save_pc_changes()) return;
    if (simulation_.bank()->revision() == saved_revision_) return;
    save_bank();
}

void Autosave::keep(std::string_view pickup) {
    // Already written, or being written: marked saved when its save began (save_pickup_certificate).
    if (contains(saved_serials_[static_cast<std::size_t>(PcId::User)], pickup)) return;
    kept_ = std::string(pickup);
}

void Autosave::rebase() {
    kept_.clear();
    baseline_taken_ = false;
}

bool Autosave::dismiss_failure() {
    if (failure_ == FlowResult::Ok) return false;
    failure_ = FlowResult::Ok;
    return true;
}

void Autosave::take_baseline() {
    baseline_taken_ = true;
    saved_revision_ = simulation_.bank()->revision();
    saved_issuances_ = awaiting_serials(*simulation_.bank());
    for (PcId pc : kPcs) saved_serials_[static_cast<std::size_t>(pc)] = store_serials(simulation_.pc(pc));
}

// The bank issued a certificate whose intent is not saved yet: the bank is saved first.
bool Autosave::save_issuance_intent() {
    for (const Issuance& i : simulation_.bank()->state().issuances) {
        if (contains(saved_issuances_, i.serial)) continue;
        save_bank();
        return true;
    }
    return false;
}

// The certificate the pickup installed goes to the PC's database (certificate and key in one
// transaction) before the flow shows 取得完了. True when a save started.
bool Autosave::save_pickup_certificate(std::string_view pickup) {
    std::string serial = !pickup.empty() ? std::string(pickup) : std::exchange(kept_, {});
    if (serial.empty()) return false;
    saving_ = true;
    // The pickup installs on 利用者のパソコン only (the Session starts it there). Marked saved, so
    // that the general PC save does not write it again.
    saved_serials_[static_cast<std::size_t>(PcId::User)].push_back(serial);
    std::weak_ptr<bool> alive = alive_;
    simulation_.save_certificate(simulation_.user_pc(), serial, [this, alive, serial](FlowResult r) {
        if (alive.expired()) return;
        settle_installations({serial}, r);
        end(r, serial);
    });
    return true;
}

// Saves the first PC whose store changed; true when a save started.
bool Autosave::save_pc_changes() {
    for (PcId pc : kPcs) {
        const PcCertificateStore& store = simulation_.pc(pc);
        const std::vector<std::string>& saved = saved_serials_[static_cast<std::size_t>(pc)];
        std::vector<InstalledCertificate> written;
        std::vector<std::string> written_serials;
        std::vector<std::string> removed;
        for (const InstalledCertificate& c : store.certificates) {
            if (contains(saved, c.serial)) continue;
            written.push_back(c);
            written_serials.push_back(c.serial);
        }
        for (const std::string& serial : saved)
            if (store.find(serial) == nullptr) removed.push_back(serial);
        if (written.empty() && removed.empty()) continue;
        saving_ = true;
        std::weak_ptr<bool> alive = alive_;
        simulation_.save_pc_store(store, std::move(written), std::move(removed),
                                  [this, alive, pc, now = store_serials(store),
                                   written_serials = std::move(written_serials)](FlowResult r) {
                                      if (alive.expired()) return;
                                      saved_serials_[static_cast<std::size_t>(pc)] = now;
                                      settle_installations(written_serials, r);
                                      end(r);  // the owner's update(): the other PC, then the bank
                                  });
        return true;
    }
    return false;
}

void Autosave::save_bank() {
    saving_ = true;
    std::weak_ptr<bool> alive = alive_;
    Bank& bank = *simulation_.bank();
    // The bank is encoded now: a change while the save is in flight moves the revision past this
    // one, and the next update() saves it.
    simulation_.save([this, alive, revision = bank.revision(), awaiting = awaiting_serials(bank)](FlowResult r) {
        if (alive.expired()) return;
        // A failed save is shown (failure()) and not retried in a loop: the next change saves the
        // whole bank again, this one included.
        saved_revision_ = revision;
        if (r != FlowResult::Ok) {
            // An issue whose intent the bank could not record must not stay valid: revoked now
            // (saved with the next bank save; the next start revokes it anyway).
            std::vector<std::string> unrecorded;
            for (const std::string& serial : awaiting)
                if (!contains(saved_issuances_, serial)) unrecorded.push_back(serial);
            settle_installations(unrecorded, r);
        }
        saved_issuances_ = awaiting;
        end(r);  // something may have changed while the save was in flight
    });
}

void Autosave::settle_installations(const std::vector<std::string>& serials, FlowResult saved) {
    Bank& bank = *simulation_.bank();
    for (const std::string& serial : serials) {
        const Issuance* issuance = bank.awaiting_installation(serial);
        if (issuance == nullptr) continue;
        if (saved == FlowResult::Ok) (void)bank.confirm_installation(serial);
        else bank.report_install_failed(issuance->holder, serial, saved);
    }
}

void Autosave::end(FlowResult result, std::string certificate) {
    saving_ = false;
    if (result != FlowResult::Ok) failure_ = result;
    if (ended_) ended_(Ended{std::move(certificate), result});
}

}  // namespace cp
