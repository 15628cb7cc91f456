#include "portal/session.h"

#include <utility>

namespace cp {

Session::Session() = default;

Session::~Session() {
    // Flows first: they hold references into the simulation's bank and stores.
    admin_.reset();
}

void Session::start(SimulationDesc desc, std::function<void()> changed) {
    changed_ = std::move(changed);
    simulation_ = std::make_unique<Simulation>(std::move(desc));
    simulation_->start([this] {
        update();
        notify();
    });
}

void Session::notify() const {
    if (changed_) changed_();
}

const Bank* Session::bank() const {
    return simulation_ != nullptr && simulation_->stage() == Simulation::Stage::Ready ? simulation_->bank() : nullptr;
}

const PcCertificateStore* Session::pc_store(PcId pc) const {
    if (bank() == nullptr) return nullptr;
    return pc == PcId::Admin ? &simulation_->admin_pc() : &simulation_->user_pc();
}

void Session::leave_flow() { admin_.reset(); }

bool Session::apply(const Command& command) {
    last_result_ = BankResult::Ok;
    bool changed = true;
    std::visit(overloaded{
                   [&](const SessionCommand& c) { changed = apply_session(c); },
                   [&](const AdminCommand& c) {
                       if (admin_ == nullptr || saving_) {
                           last_result_ = BankResult::WrongStep;
                           changed = false;
                           return;
                       }
                       (void)admin_->apply(c);  // the flow keeps its result for its screens
                   },
               },
               command);
    update();
    return changed;
}

bool Session::apply_session(const SessionCommand& command) {
    return std::visit(
        overloaded{
            [&](const cmd::StartAdminLogin&) {
                Simulation* sim = simulation_.get();
                if (bank() == nullptr || saving_ || resetting()) {
                    last_result_ = BankResult::WrongStep;
                    return false;
                }
                leave_flow();
                const PcServices& services = pc_ == PcId::Admin ? sim->admin_services() : sim->user_services();
                admin_ = std::make_unique<AdminFlow>(*sim->bank(), services, *pc_store(pc_));
                return true;
            },
            [&](const cmd::LeaveFlow&) {
                leave_flow();
                return true;
            },
            [&](const cmd::SwitchPc& c) {
                if (c.pc == pc_) return false;
                leave_flow();  // the person stands up: whatever was open on this PC's screen is gone
                pc_ = c.pc;
                return true;
            },
            [&](const cmd::OpenPanel& c) {
                if (c.panel == panel_) return false;
                panel_ = c.panel;
                return true;
            },
            [&](const cmd::ReportCardLost&) {
                if (bank() == nullptr || resetting()) {
                    last_result_ = BankResult::WrongStep;
                    return false;
                }
                last_result_ = simulation_->bank()->report_card_lost();
                return true;
            },
            [&](const cmd::AdvanceClock& c) {
                if (bank() == nullptr || saving_) {
                    last_result_ = BankResult::WrongStep;
                    return false;
                }
                // Time passing ends whatever was open: a login's challenge and screens are stale.
                leave_flow();
                last_result_ = simulation_->bank()->advance_time(days(c.days));
                return true;
            },
            [&](const cmd::DismissSaveError&) {
                if (save_failure_ == BankResult::Ok) return false;
                save_failure_ = BankResult::Ok;
                return true;
            },
        },
        command);
}

void Session::reset(Preset preset, std::function<void(BankResult)> done) {
    if (bank() != nullptr && !saving_ && !resetting()) update();  // what changed is saved first
    if (bank() == nullptr || saving_ || resetting()) {
        if (done) done(BankResult::WrongStep);
        return;
    }
    leave_flow();
    // Taken again from the world that is there when the reset ends (the new one, or on failure
    // the previous one, saved as it is).
    baseline_taken_ = false;
    std::weak_ptr<bool> alive = alive_;
    simulation_->reset(preset, [this, alive, done = std::move(done)](BankResult r) {
        if (alive.expired()) return;
        update();
        notify();
        if (done) done(r);
    });
}

void Session::update() {
    if (bank() == nullptr || saving_ || resetting()) return;
    const std::size_t entries = simulation_->bank()->state().audit.entries().size();
    if (!baseline_taken_) {  // the world as loaded (or created and saved) is the saved state
        baseline_taken_ = true;
        saved_audit_entries_ = entries;
        return;
    }
    if (entries == saved_audit_entries_) return;
    saving_ = true;
    std::weak_ptr<bool> alive = alive_;
    simulation_->save([this, alive, entries](BankResult r) {
        if (alive.expired()) return;
        saving_ = false;
        // A failed save is shown (save_failure()) and not retried in a loop: the next change saves
        // the whole bank again, this one included.
        saved_audit_entries_ = entries;
        if (r != BankResult::Ok) save_failure_ = r;
        update();  // something may have changed while the save was in flight
        notify();
    });
}

}  // namespace cp
