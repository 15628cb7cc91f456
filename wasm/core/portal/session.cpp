#include "portal/session.h"

#include <utility>

namespace cp {

Session::Session() = default;

Session::~Session() {
    // Flows first: they hold references into the simulation's bank and stores.
    admin_.reset();
    pickup_.reset();
    manager_.reset();
    user_.reset();
}

void Session::start(SimulationDesc desc, std::function<void()> changed) {
    changed_ = std::move(changed);
    simulation_ = std::make_unique<Simulation>(std::move(desc));
    autosave_ = std::make_unique<Autosave>(*simulation_, [this](const Autosave::Ended& ended) { saved(ended); });
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

std::vector<PolicyDifference> Session::policy_differences() const {
    const Bank* b = world_ready() ? bank() : nullptr;
    if (b == nullptr) return {};
    return cp::policy_differences(b->state().config, simulation_->new_world_config());
}

const PcCertificateStore* Session::pc_store(PcId pc) const {
    return bank() != nullptr ? &simulation_->pc(pc) : nullptr;
}

void Session::leave_flow() {
    admin_.reset();
    pickup_.reset();
    // A certificate installed and not yet saved (a bank save was in flight) is saved all the same.
    if (const InstalledCertificate* c = pickup_to_save()) autosave_->keep(c->serial);
    user_.reset();
}

void Session::follow_real_time(double seconds) {
    if (real_time_ < 0.0 || seconds < real_time_) {  // the first call (or a clock that went back): the baseline
        real_time_ = seconds;
        return;
    }
    const double whole = static_cast<double>(static_cast<SimTime>(seconds - real_time_));
    if (whole < 1.0) return;
    real_time_ += whole;
    if (world_ready()) simulation_->bank()->let_time_pass(static_cast<SimTime>(whole));
}

bool Session::refuse() {
    last_result_ = FlowResult::WrongStep;
    return false;
}

const InstalledCertificate* Session::pickup_to_save() const {
    return user_ != nullptr ? user_->certificate_to_save() : nullptr;
}

bool Session::start_flow(const std::function<void(const FlowSite&)>& make) {
    if (!world_ready()) return refuse();
    leave_flow();
    const PcId pc = desk_.pc();
    make(FlowSite{*simulation_->bank(), simulation_->services(pc), simulation_->mutable_pc(pc)});
    return true;
}

Session::Applied Session::apply(const Command& command) {
    last_result_ = FlowResult::Ok;
    FlowResult flow_result = FlowResult::Ok;
    // A flow's command goes to that flow while it is open and no save is in flight; otherwise it
    // is refused (WrongStep) and nothing changes. The flow also keeps its result for its screens.
    const auto route = [&](auto* flow, const auto& c) {
        if (flow == nullptr || saving()) return refuse();
        flow_result = flow->apply(c);
        return true;
    };
    const bool changed = std::visit(overloaded{
                                        [&](const SessionCommand& c) { return apply_session(c); },
                                        [&](const AdminCommand& c) { return route(admin_.get(), c); },
                                        [&](const PickupCommand& c) { return route(pickup_.get(), c); },
                                        [&](const ManagerCommand& c) { return route(manager_.get(), c); },
                                        [&](const UserCommand& c) { return route(user_.get(), c); },
                                        // 証明書更新 belongs to whoever is logged on: the administrator or the user.
                                        [&](const RenewalCommand& c) {
                                            return admin_ != nullptr ? route(admin_.get(), c) : route(user_.get(), c);
                                        },
                                    },
                                    command);
    update();
    return {flow_result != FlowResult::Ok ? flow_result : last_result_, changed};
}

bool Session::apply_session(const SessionCommand& command) {
    if (saving() && waits_for_save(command)) return refuse();
    const AcquisitionPath path = desk_.acquisition_path();
    return std::visit(
        overloaded{
            [&](const cmd::StartAdminLogin&) {
                return start_flow([&](const FlowSite& at) {
                    admin_ = std::make_unique<AdminFlow>(at.bank, at.services, at.store);
                });
            },
            [&](const cmd::StartAdminPickup&) {
                return start_flow([&](const FlowSite& at) {
                    pickup_ = std::make_unique<AdminPickupFlow>(at.bank, at.store, at.services);
                });
            },
            [&](const cmd::StartUserLogin&) {
                return start_flow([&](const FlowSite& at) {
                    user_ = std::make_unique<UserFlow>(UserFlow::Mode::Login, at.bank, at.services, at.store, path);
                });
            },
            [&](const cmd::StartUserPickup&) {
                // The pickup happens on the PC the user will work on (the seed: 利用者が使用するパソコンで).
                if (desk_.pc() != PcId::User) return refuse();
                return start_flow([&](const FlowSite& at) {
                    user_ = std::make_unique<UserFlow>(UserFlow::Mode::Pickup, at.bank, at.services, at.store, path);
                });
            },
            [&](const cmd::OpenInternetOptions&) {
                if (!world_ready()) return refuse();
                PcCertificateStore& store = simulation_->mutable_pc(desk_.pc());
                manager_ = std::make_unique<CertificateManagerFlow>(store, simulation_->authority(), bank()->now());
                return true;
            },
            [&](const cmd::CloseInternetOptions&) {
                manager_.reset();
                return true;
            },
            [&](const cmd::ReportCardLost&) {
                if (!world_ready()) return refuse();
                last_result_ = simulation_->bank()->report_card_lost();
                return true;
            },
            [&](const cmd::SubmitBranchRequest& c) {
                if (!world_ready()) return refuse();
                last_result_ = simulation_->bank()->submit_branch_request(c.kind);
                return true;
            },
            [&](const cmd::AdvanceClock& c) {
                return move_clock_to(bank() != nullptr ? bank()->now() + days(c.days) : 0);
            },
            [&](const cmd::MoveClockTo& c) { return move_clock_to(c.to); },
            [&](const cmd::DismissSaveError&) { return autosave_ != nullptr && autosave_->dismiss_failure(); },
            // The desk's own commands (portal/desk.h). A command with no line above that the desk
            // does not take either does not compile here.
            [&](const auto& c) { return apply_desk(DeskCommand{c}); },
        },
        command);
}

bool Session::apply_desk(const DeskCommand& command) {
    const DeskResult r = desk_.apply(command, world_ready() ? simulation_->bank() : nullptr);
    if (r.result != FlowResult::Ok) last_result_ = r.result;
    if (r.leaves == DeskResult::Leaves::Nothing) return r.changed;
    const bool flow_ended = flow_open();
    leave_flow();
    if (r.leaves == DeskResult::Leaves::Pc) manager_.reset();
    return r.changed || flow_ended;
}

// Not refused while a save is in flight: the move applies now and the next save takes it (the bank
// is encoded when a save starts; the move raises Bank::revision() past the one being saved).
bool Session::move_clock_to(SimTime to) {
    if (!world_ready()) return refuse();
    if (to < bank()->now()) {  // the clock does not go back: refused before anything is left
        last_result_ = BankResult::InvalidInput;
        return true;
    }
    // Time passing ends whatever was open: a login's challenge and screens are stale.
    leave_flow();
    manager_.reset();  // its statuses were computed at the old time
    last_result_ = move_clock(*simulation_->bank(), simulation_->authority(), to, clock_report_);
    return true;
}

pki::SecretBytes Session::export_world() {
    update();  // what changed is saved first
    if (bank() == nullptr) return {};
    return encode_world_archive(simulation_->export_world());
}

ArchiveError Session::import_world(std::span<const std::uint8_t> file, std::function<void(FlowResult)> done) {
    WorldArchive archive;
    const ArchiveError e = decode_world_archive(file, archive);
    if (e != ArchiveError::None) return e;  // nothing read, nothing changed
    replace_world([this, archive = std::make_shared<WorldArchive>(std::move(archive))](
                      std::function<void(FlowResult)> replaced) mutable {
        simulation_->import_world(std::move(*archive), std::move(replaced));
    }, std::move(done));
    return ArchiveError::None;
}

void Session::reset(Preset preset, std::function<void(FlowResult)> done) {
    replace_world([this, preset](std::function<void(FlowResult)> replaced) {
        simulation_->reset(preset, std::move(replaced));
    }, std::move(done));
}

void Session::replace_world(std::function<void(std::function<void(FlowResult)>)> replace,
                            std::function<void(FlowResult)> done) {
    update();  // what changed is saved first (when no save is in flight)
    if (!world_ready() || saving()) {
        if (done) done(FlowResult::WrongStep);
        return;
    }
    leave_flow();
    desk_.show_top_page();  // the new world opens on the top page, as a reload does
    manager_.reset();
    // A certificate kept for saving belonged to the world being replaced; the save baseline is
    // taken again from the world that is there when the reset ends (the new one, or on failure the
    // previous one, saved as it is).
    autosave_->rebase();
    clock_report_ = ClockReport{};  // it was about the world being replaced
    std::weak_ptr<bool> alive = alive_;
    replace([this, alive, done = std::move(done)](FlowResult r) {
        if (alive.expired()) return;
        update();
        notify();
        if (done) done(r);
    });
    // The world is being replaced (resetting()): the page's status says so at once, not only when
    // the new world is in place.
    if (resetting()) notify();
}

void Session::update() {
    if (!world_ready()) return;
    if (user_ != nullptr) (void)user_->poll();  // the app installs what the CA issued
    const InstalledCertificate* pickup = pickup_to_save();
    autosave_->update(pickup != nullptr ? std::string_view(pickup->serial) : std::string_view());
}

void Session::saved(const Autosave::Ended& ended) {
    const InstalledCertificate* pickup = pickup_to_save();
    if (pickup != nullptr && !ended.certificate.empty() && pickup->serial == ended.certificate)
        user_->certificate_saved(ended.result);
    update();  // the other PC, the bank, or what changed while the save was in flight
    notify();
}

}  // namespace cp
