// certportal sim: saving the running world as it changes — the bank and the two PCs' stores, each
// its own database, written in the order that keeps them agreeing.
//
// Why one class: the order of the saves is the guarantee (docs/domain.md, "Issuance: what the bank
// records before a PC installs"), so it is decided in one place. The Session (portal/session.h)
// calls update() after every command and at every frame; everything else here follows from what
// changed since the last save:
//
//   1. A certificate the CA issued that the bank has not yet saved as awaiting installation: the
//      bank, before any PC writes anything.
//   2. The certificate a user's pickup installed on 利用者のパソコン (or one kept when its flow
//      ended before its save began): that PC's store, certificate and key in one transaction, one
//      write per install; then the bank confirms it (Bank::confirm_installation), or revokes it as
//      not installed when the PC could not store it.
//   3. The first PC whose store differs from what was saved (a renewal or 管理者電子証明書取得
//      installed, the certificate manager deleted one), the same way; PC changes go before the bank.
//   4. The bank, in one transaction, when Bank::revision() moved since the last bank save: every
//      operation, a mail read, a clock move. Seconds passing are not a change of their own (the
//      clock is saved with the next one).
//
// One save is in flight at a time (saving()); when it ends, the owner's `ended` callback runs and
// calls update() again for whatever changed meanwhile. A change made while a save is in flight is
// never lost: the bank is encoded when its save starts, so a change after that moves the revision
// past the one being saved and the next update() saves it — which is why a clock move need not
// wait for a save (docs/architecture.md, "Saving"). A page closed anywhere in between is settled
// at the next start (reconcile_installations, sim/simulation.h). A failed save is kept for the
// page to show (failure()) and not retried in a loop: the next change saves the whole bank again.
//
// The first update() after construction or rebase() takes the world as it is (loaded, or created
// and saved) as the saved state: nothing is written for it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bank/result.h"

namespace cp {

class Simulation;

class Autosave {
public:
    // A save that ended, for the owner's callback.
    struct Ended {
        std::string certificate;  // step 2: the pickup's certificate saved on 利用者のパソコン (else empty)
        FlowResult result = FlowResult::Ok;
    };

    // `simulation` must outlive the Autosave. `ended` runs after each save it started, once the
    // outcome is recorded (a late completion after the Autosave is gone does nothing).
    Autosave(Simulation& simulation, std::function<void(const Ended&)> ended);
    Autosave(const Autosave&) = delete;
    Autosave& operator=(const Autosave&) = delete;

    // Starts the next save that is due (the order above); nothing while one is in flight, or while
    // the simulation is not Ready or is being replaced. `pickup`: the serial of the certificate a
    // running pickup installed on 利用者のパソコン and wants saved (UserFlow::certificate_to_save),
    // empty when none.
    void update(std::string_view pickup);
    bool saving() const { return saving_; }

    // A pickup's flow ended with its certificate not yet saved: saved all the same at the next
    // update(). One whose save already began (the person left while it was written) is not
    // written again: one write per install.
    void keep(std::string_view pickup);
    // The world is being replaced: a kept certificate belonged to the old one, and the saved state
    // is taken again from the world in place at the next update().
    void rebase();

    // The last save that failed (StorageFailed...), until dismissed; the change stays in memory.
    FlowResult failure() const { return failure_; }
    // False when there was nothing to dismiss.
    bool dismiss_failure();

private:
    void take_baseline();
    bool save_issuance_intent();
    bool save_pickup_certificate(std::string_view pickup);
    bool save_pc_changes();
    void save_bank();
    // A PC save of `serials` ended: each one awaiting installation is confirmed (Ok) or, when the
    // PC could not store it, revoked as not installed.
    void settle_installations(const std::vector<std::string>& serials, FlowResult saved);
    // Records a save's end and tells the owner.
    void end(FlowResult result, std::string certificate = {});

    Simulation& simulation_;
    std::function<void(const Ended&)> ended_;
    bool saving_ = false;
    bool baseline_taken_ = false;
    std::string kept_;                           // keep(): saved at the next update()
    std::vector<std::string> saved_serials_[2];  // per PcId: each PC's store as last saved
    std::vector<std::string> saved_issuances_;   // serials awaiting installation as the bank was last saved
    std::uint64_t saved_revision_ = 0;           // Bank::revision() at the last bank save
    FlowResult failure_ = FlowResult::Ok;
    // Completions hold a weak reference: once the Autosave is gone they do nothing.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace cp
