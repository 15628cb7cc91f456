// certportal portal: the person's session with the simulator — the layer between the bank's
// procedures and the screens.
//
// A Session owns the running Simulation (sim/simulation.h), the desk the person sits at
// (portal/desk.h: the PC, the browser, the panels) and runs at most one flow at a time: the
// administrator's (flows/admin_flow.h), 管理者電子証明書取得 (flows/admin_pickup_flow.h) or the
// user's (flows/user_flow.h); the browser's certificate manager may be open over the page. It
// keeps those flows' lifecycle and replaces the world (a preset, an imported file).
// Screens read it (const) and emit Commands (portal/commands.h); apply() carries them out.
//
// Saving: every step that changes the bank is saved before the next screen shows. update(),
// called at the start of every frame and after every command, hands what changed to the Autosave
// (sim/autosave.h: the order of the saves, the three steps of an issuance, what a failure does);
// while a save is in flight saving() is true, the flows' commands are refused (WrongStep) and the
// screens show a wait instead of the next step. A clock move is not refused: it applies at once
// and the next save takes it (docs/architecture.md, "Saving"). A reload then finds every
// confirmed step, and lands on the top page (flows live in memory: a login is never resumed from
// storage).
//
// Leaving a screen's flow (LeaveFlow, SwitchPc, a new flow) destroys it: its View's buffers are
// wiped and pending key work is dropped by the procedures' destructors.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "config/policy.h"
#include "portal/bank_view.h"
#include "portal/commands.h"
#include "portal/desk.h"
#include "portal/desk_view.h"
#include "portal/flows/admin_flow.h"
#include "portal/flows/admin_pickup_flow.h"
#include "portal/flows/certificate_manager_flow.h"
#include "portal/flows/user_flow.h"
#include "sim/autosave.h"
#include "sim/simulation.h"
#include "sim/time_travel.h"
#include "sim/world_archive.h"

namespace cp {

class Session {
public:
    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Creates and starts the simulation. `changed` runs whenever something the screens show
    // changed outside a command (the simulation's stages, a save completing): the page redraws.
    void start(SimulationDesc desc, std::function<void()> changed);

    const Simulation* simulation() const { return simulation_.get(); }
    Simulation* simulation() { return simulation_.get(); }
    // The bank, once the simulation is Ready (nullptr before).
    const Bank* bank() const;
    // What the screens read of it (portal/bank_view.h), once the simulation is Ready.
    std::optional<BankView> bank_view() const {
        const Bank* b = bank();
        return b != nullptr ? std::optional<BankView>(BankView(*b)) : std::nullopt;
    }

    const PcCertificateStore* pc_store(PcId pc) const;
    // Where the person is: the PC, its browser and the page it shows, the open panel.
    const Desk& desk() const { return desk_; }
    DeskView& desk_view() { return desk_view_; }  // the panels' view details (portal/desk_view.h)

    // The running flow, or nullptr on the site's pages.
    const AdminFlow* admin_flow() const { return admin_.get(); }
    AdminFlow* admin_flow() { return admin_.get(); }
    // 管理者電子証明書取得, when it is the running flow (nullptr otherwise).
    const AdminPickupFlow* admin_pickup() const { return pickup_.get(); }
    AdminPickupFlow* admin_pickup() { return pickup_.get(); }
    // The browser's インターネットオプション / certificate manager, open over the page (nullptr: closed).
    const CertificateManagerFlow* certificate_manager() const { return manager_.get(); }
    const UserFlow* user_flow() const { return user_.get(); }
    UserFlow* user_flow() { return user_.get(); }

    // Time passes while the person works: the bank's clock (and so the token's code, every 30 s)
    // follows `seconds`, a monotonic real clock, from the first call on, in whole seconds. No
    // audit entry: a passing second is not an operation (the clock is saved with the next one).
    void follow_real_time(double seconds);

    // What applying one command did: the command's result (its flow's, or the session's or the
    // desk's own: WrongStep when refused) — what a recording keeps beside the command — and
    // whether anything the screens show may have changed (the page draws a frame).
    struct Applied {
        FlowResult result = FlowResult::Ok;
        bool changed = false;
    };
    Applied apply(const Command& command);
    // Saves what changed (see above). Cheap when nothing did.
    void update();
    bool saving() const { return autosave_ != nullptr && autosave_->saving(); }

    // Replaces the world by `preset` (Simulation::reset). The running flow is ended first (it
    // points into the bank being replaced); the new world, saved by the reset, is the new save
    // baseline. While it runs no flow starts and nothing is saved. `done` gets the reset's result
    // (on failure the previous world stays), or WrongStep before the simulation is ready, while a
    // save is in flight (try again once saving() is false) or while another reset runs.
    void reset(Preset preset, std::function<void(FlowResult)> done);
    bool resetting() const { return simulation_ != nullptr && simulation_->resetting(); }
    // Whether the world a person uses is in place: loaded (or made) and not being replaced. The
    // one condition for every control that acts on the world (ui/world_ready.h) and for the page's
    // ready signal (SimulationStatus::Ready): while it is false such a control is disabled with
    // its reason, so a click is never refused in silence (WrongStep).
    bool world_ready() const { return bank() != nullptr && !resetting(); }
    // The policy fields (config/policy.h) in which the running world's rules differ from the ones
    // a new world would get (the page's profile: Simulation::new_world_config). Empty when they
    // agree or before the world is ready. The page says so and offers a new world (a reset);
    // the running world is never changed.
    std::vector<PolicyDifference> policy_differences() const;
    // What the last clock move (AdvanceClock, MoveClockTo) set off, for the console; empty after a
    // reset or import. A move to an earlier time is refused: last_result() InvalidInput. A move
    // while a save is in flight applies at once (saved by the next save).
    const ClockReport& clock_report() const { return clock_report_; }
    // The whole world as a file (sim/world_archive.h), after saving what changed; empty before the
    // simulation is ready.
    pki::SecretBytes export_world();
    // Reads `file`: a file that does not decode is refused at once with its reason and nothing
    // changes (done is not called); otherwise None, and the world is replaced as reset() does
    // (Simulation::import_world), `done` getting the result.
    ArchiveError import_world(std::span<const std::uint8_t> file, std::function<void(FlowResult)> done);
    // The last save failed (StorageFailed...): shown until dismissed; the change stays in memory.
    FlowResult save_failure() const { return autosave_ != nullptr ? autosave_->failure() : FlowResult::Ok; }
    // The last command the session itself refused (e.g. a flow while the simulation is not ready).
    FlowResult last_result() const { return last_result_; }
    // The last certificate login's TLS handshake (tls/capture.h), refused ones included (expired,
    // 拒否): nullptr before the first certificate login of this session's world ends; the next
    // login replaces it; a reset or an import clears it (the world's Bank keeps it in memory).
    const tls::Capture* last_handshake() const {
        const Bank* b = bank();
        return b != nullptr ? b->last_login_handshake() : nullptr;
    }

private:
    bool apply_session(const SessionCommand& command);
    // A desk command (portal/desk.h): carried out by the desk; the flow ends when the page is gone.
    bool apply_desk(const DeskCommand& command);
    bool move_clock_to(SimTime to);
    // reset() and import_world(): ends the flow, runs `replace`, takes the new save baseline.
    void replace_world(std::function<void(std::function<void(FlowResult)>)> replace, std::function<void(FlowResult)> done);
    // Where a flow runs: the bank, and the desk's PC (its key services and certificate store).
    struct FlowSite {
        Bank& bank;
        const PcServices& services;
        PcCertificateStore& store;
    };
    // Starts a flow: `make` builds it at the desk's PC. Refused (WrongStep) unless `allowed`, the
    // world is ready and no save is in flight; the running flow ends first.
    bool start_flow(const std::function<void(const FlowSite&)>& make);
    // The certificate the running user flow installed and has not saved yet (nullptr: none).
    const InstalledCertificate* pickup_to_save() const;
    // Refuses the command (last_result() WrongStep): false, nothing changed.
    bool refuse();
    bool flow_open() const { return admin_ != nullptr || pickup_ != nullptr || user_ != nullptr; }
    void leave_flow();
    // The Autosave finished a save: the pickup learns its certificate is stored, then what changed
    // meanwhile is saved and the page redraws.
    void saved(const Autosave::Ended& ended);
    void notify() const;

    std::unique_ptr<Simulation> simulation_;
    std::unique_ptr<Autosave> autosave_;  // after simulation_: destroyed before it
    std::function<void()> changed_;
    Desk desk_;
    DeskView desk_view_;
    std::unique_ptr<AdminFlow> admin_;
    std::unique_ptr<CertificateManagerFlow> manager_;
    std::unique_ptr<AdminPickupFlow> pickup_;
    std::unique_ptr<UserFlow> user_;
    double real_time_ = -1.0;  // follow_real_time's last whole second (< 0: not started)
    FlowResult last_result_ = FlowResult::Ok;
    ClockReport clock_report_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace cp
