// certportal portal: the person's session with the simulator — the layer between the bank's
// procedures and the screens.
//
// A Session owns the running Simulation (sim/simulation.h), knows which simulated PC the person
// sits at, and runs at most one flow at a time: the administrator's (flows/admin_flow.h) or the
// user's (flows/user_flow.h).
// Screens read it (const) and emit Commands (portal/commands.h); apply() carries them out.
//
// Saving: every step that changes the bank is saved before the next screen shows. The bank
// appends one audit entry per operation (bank/bank.h), so "the audit log grew" is the signal:
// update(), called at the start of every frame and after every command, saves the bank in one
// transaction when it changed; while that save is in flight saving() is true and the screens show
// a wait instead of the next step. A certificate the CA issued is saved in three steps
// (docs/domain.md, "Issuance: what the bank records before a PC installs"): the bank, recording it
// as awaiting installation, before the PC writes anything; then the PC's store (certificate and key
// in one transaction, one write per install); then the bank again, confirming it
// (Bank::confirm_installation). A page closed anywhere in between is settled at the next start
// (reconcile_installations). Other PC changes (the certificate manager deleted one) are saved
// before the bank. A reload then finds every confirmed step, and lands on the top page (flows
// live in memory: a login is never resumed from storage).
//
// Leaving a screen's flow (LeaveFlow, SwitchPc, a new flow) destroys it: its form buffers are
// wiped and pending key work is dropped by the procedures' destructors.
#pragma once

#include <functional>
#include <memory>

#include "portal/commands.h"
#include "portal/desk_view.h"
#include "portal/flows/admin_flow.h"
#include "portal/flows/admin_pickup_flow.h"
#include "portal/flows/certificate_manager_flow.h"
#include "portal/flows/user_flow.h"
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

    PcId pc() const { return pc_; }
    const PcCertificateStore* pc_store(PcId pc) const;
    DeskPanel panel() const { return panel_; }
    // The mail open in the mailbox panel (0: the list).
    std::uint32_t open_mail() const { return open_mail_; }
    DeskView& desk_view() { return desk_view_; }  // the panels' view details (portal/desk_view.h)

    // The bank's page shown while no flow runs (OpenSitePage). Leaving a flow (LeaveFlow), another
    // PC, a reload (IE mode, another browser) and a new world start again from the top page; a
    // clock move ends the flow and shows the page it was started from.
    SitePage site_page() const { return site_page_; }

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

    // The simulated browser: its kind (Edge / Chrome) and, for Edge, Internet Explorer モード and
    // its banner (「このページは Internet Explorer モードで開かれています」 until 完了).
    BrowserKind browser_kind() const { return browser_kind_; }
    bool ie_mode() const { return ie_mode_; }
    bool ie_banner_open() const { return ie_banner_; }

    // Time passes while the person works: the bank's clock (and so the token's code, every 30 s)
    // follows `seconds`, a monotonic real clock, from the first call on, in whole seconds. No
    // audit entry: a passing second is not an operation (the clock is saved with the next one).
    void follow_real_time(double seconds);

    // Applies one command; true when anything the screens show may have changed.
    bool apply(const Command& command);
    // Saves what changed (see above). Cheap when nothing did.
    void update();
    bool saving() const { return saving_; }

    // Replaces the world by `preset` (Simulation::reset). The running flow is ended first (it
    // points into the bank being replaced); the new world, saved by the reset, is the new save
    // baseline. While it runs no flow starts and nothing is saved. `done` gets the reset's result
    // (on failure the previous world stays), or WrongStep before the simulation is ready, while a
    // save is in flight (try again once saving() is false) or while another reset runs.
    void reset(Preset preset, std::function<void(BankResult)> done);
    bool resetting() const { return simulation_ != nullptr && simulation_->resetting(); }
    // Whether the world a person uses is in place: loaded (or made) and not being replaced. The
    // one condition for every control that acts on the world (ui/world_ready.h) and for the page's
    // ready signal (SimulationStatus::Ready): while it is false such a control is disabled with
    // its reason, so a click is never refused in silence (WrongStep).
    bool world_ready() const { return bank() != nullptr && !resetting(); }
    // What the last clock move (AdvanceClock, MoveClockTo) set off, for the console; empty after a
    // reset or import. A move to an earlier time is refused: last_result() InvalidInput.
    const ClockReport& clock_report() const { return clock_report_; }
    // The whole world as a file (sim/world_archive.h), after saving what changed; empty before the
    // simulation is ready.
    pki::SecretBytes export_world();
    // Reads `file`: a file that does not decode is refused at once with its reason and nothing
    // changes (done is not called); otherwise None, and the world is replaced as reset() does
    // (Simulation::import_world), `done` getting the result.
    ArchiveError import_world(std::span<const std::uint8_t> file, std::function<void(BankResult)> done);
    // The last save failed (StorageFailed...): shown until dismissed; the change stays in memory.
    BankResult save_failure() const { return save_failure_; }
    // The last command the session itself refused (e.g. a flow while the simulation is not ready).
    BankResult last_result() const { return last_result_; }

private:
    bool apply_session(const SessionCommand& command);
    bool move_clock_to(SimTime to);
    // reset() and import_world(): ends the flow, runs `replace`, takes the new save baseline.
    void replace_world(std::function<void(std::function<void(BankResult)>)> replace, std::function<void(BankResult)> done);
    bool start_user_flow(UserFlow::Mode mode);
    bool save_user_certificate();
    void leave_flow();
    // Serials of each PC's store that differ from what was last saved.
    void pc_changes(const PcCertificateStore& store, const std::vector<std::string>& saved,
                    std::vector<InstalledCertificate>& written, std::vector<std::string>& removed) const;
    bool save_pc_changes();
    // Saves the bank as it is now (`entries`: the audit log's length, the save baseline).
    void save_bank_now();
    // The bank issued a certificate whose intent is not saved yet: saved before any PC write.
    bool save_issuance_intent();
    // A PC save of `serials` ended: each one awaiting installation is confirmed (Ok) or, when the
    // PC could not store it, revoked as not installed.
    void settle_installations(const std::vector<std::string>& serials, BankResult saved);
    void notify() const;

    std::unique_ptr<Simulation> simulation_;
    std::function<void()> changed_;
    PcId pc_ = PcId::Admin;
    DeskPanel panel_ = DeskPanel::None;
    SitePage site_page_ = SitePage::Top;
    std::uint32_t open_mail_ = 0;
    DeskView desk_view_;
    std::unique_ptr<AdminFlow> admin_;
    std::unique_ptr<CertificateManagerFlow> manager_;
    std::unique_ptr<AdminPickupFlow> pickup_;
    std::unique_ptr<UserFlow> user_;
    BrowserKind browser_kind_ = BrowserKind::Edge;
    bool ie_mode_ = false;
    bool ie_banner_ = false;
    double real_time_ = -1.0;  // follow_real_time's last whole second (< 0: not started)
    std::string unsaved_certificate_;  // installed by a pickup that was left before its save began
    bool saving_ = false;
    bool unsaved_bank_change_ = false;  // a change the audit log does not count (a mail read)
    std::vector<std::string> saved_serials_[2];  // per PcId: each PC's store as last saved
    std::vector<std::string> saved_issuances_;   // serials awaiting installation as the bank was last saved
    std::size_t saved_audit_entries_ = 0;
    bool baseline_taken_ = false;
    BankResult save_failure_ = BankResult::Ok;
    BankResult last_result_ = BankResult::Ok;
    ClockReport clock_report_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace cp
