#include "portal/session.h"

#include <algorithm>
#include <utility>

namespace cp {
namespace {

std::vector<std::string> awaiting_serials(const Bank& bank) {
    std::vector<std::string> serials;
    for (const Issuance& i : bank.state().issuances) serials.push_back(i.serial);
    return serials;
}

}  // namespace

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
    return &simulation_->pc(pc);
}

void Session::leave_flow() {
    admin_.reset();
    pickup_.reset();
    // A certificate installed and not yet saved (a bank save was in flight) is saved all the same.
    if (const InstalledCertificate* c = user_ != nullptr ? user_->certificate_to_save() : nullptr) unsaved_certificate_ = c->serial;
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
    if (bank() != nullptr && !resetting()) simulation_->bank()->let_time_pass(static_cast<SimTime>(whole));
}

bool Session::start_user_flow(UserFlow::Mode mode) {
    // The pickup happens on the PC the user will work on (the seed: 利用者が使用するパソコンで).
    if (bank() == nullptr || saving_ || resetting() || (mode == UserFlow::Mode::Pickup && pc_ != PcId::User)) {
        last_result_ = BankResult::WrongStep;
        return false;
    }
    leave_flow();
    Simulation* sim = simulation_.get();
    const PcServices& services = sim->services(pc_);
    // The login only reads the store; the pickup installs into the user's PC.
    PcCertificateStore& store = sim->mutable_pc(pc_);
    const AcquisitionPath path = ie_mode_ ? AcquisitionPath::InternetExplorerMode : AcquisitionPath::AcquisitionApp;
    user_ = std::make_unique<UserFlow>(mode, *sim->bank(), services, store, path);
    return true;
}

// The certificate the pickup installed goes to the PC's database (certificate and key in one
// transaction) before the flow shows 取得完了. True when a save started.
bool Session::save_user_certificate() {
    const InstalledCertificate* certificate = user_ != nullptr ? user_->certificate_to_save() : nullptr;
    std::string serial = certificate != nullptr ? certificate->serial : std::exchange(unsaved_certificate_, {});
    if (serial.empty()) return false;
    saving_ = true;
    std::weak_ptr<bool> alive = alive_;
    // The pickup installs on 利用者のパソコン only (start_user_flow). Marked saved, so that the
    // general PC save does not write it again.
    saved_serials_[static_cast<std::size_t>(PcId::User)].push_back(serial);
    simulation_->save_certificate(simulation_->user_pc(), serial, [this, alive, serial](BankResult r) {
        if (alive.expired()) return;
        saving_ = false;
        if (r != BankResult::Ok) save_failure_ = r;
        settle_installations({serial}, r);
        if (user_ != nullptr) user_->certificate_saved(r);
        update();
        notify();
    });
    return true;
}

bool Session::apply(const Command& command) {
    last_result_ = BankResult::Ok;
    // A flow's command goes to that flow while it is open and no save is in flight; otherwise it
    // is refused (WrongStep) and nothing changes. The flow keeps its own result for its screens.
    const auto route = [&](auto* flow, const auto& c) {
        if (flow == nullptr || saving_) {
            last_result_ = BankResult::WrongStep;
            return false;
        }
        (void)flow->apply(c);
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
                const PcServices& services = sim->services(pc_);
                PcCertificateStore& store = sim->mutable_pc(pc_);
                admin_ = std::make_unique<AdminFlow>(*sim->bank(), services, store);
                return true;
            },
            [&](const cmd::LeaveFlow&) {
                leave_flow();
                site_page_ = SitePage::Top;  // 閉じる, キャンセル, ログオフ: the bank's top page
                return true;
            },
            [&](const cmd::SwitchPc& c) {
                if (c.pc == pc_) return false;
                leave_flow();  // the person stands up: whatever was open on this PC's screen is gone
                site_page_ = SitePage::Top;
                manager_.reset();
                pc_ = c.pc;
                ie_mode_ = ie_banner_ = false;  // the other PC's browser opens normally
                return true;
            },
            [&](const cmd::OpenPanel& c) {
                if (c.panel == panel_) return false;
                panel_ = c.panel;
                open_mail_ = 0;
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
                return move_clock_to(bank() != nullptr ? bank()->now() + days(c.days) : 0);
            },
            [&](const cmd::MoveClockTo& c) { return move_clock_to(c.to); },
            [&](const cmd::DismissSaveError&) {
                if (save_failure_ == BankResult::Ok) return false;
                save_failure_ = BankResult::Ok;
                return true;
            },
            [&](const cmd::ReadMail& c) {
                if (bank() == nullptr || resetting()) {
                    last_result_ = BankResult::WrongStep;
                    return false;
                }
                open_mail_ = 0;  // mail_id 0: back to the list
                for (const Mail& m : bank()->state().mailbox) {
                    if (m.id != c.mail_id) continue;
                    open_mail_ = m.id;
                    if (!m.read) {
                        simulation_->bank()->mark_mail_read(c.mail_id);
                        unsaved_bank_change_ = true;
                    }
                }
                return true;
            },
            [&](const cmd::SubmitBranchRequest& c) {
                if (bank() == nullptr || saving_ || resetting()) {
                    last_result_ = BankResult::WrongStep;
                    return false;
                }
                last_result_ = simulation_->bank()->submit_branch_request(c.kind);
                return true;
            },
            [&](const cmd::StartAdminPickup&) {
                if (bank() == nullptr || saving_ || resetting()) {
                    last_result_ = BankResult::WrongStep;
                    return false;
                }
                leave_flow();
                Simulation* sim = simulation_.get();
                const PcServices& services = sim->services(pc_);
                PcCertificateStore& store = sim->mutable_pc(pc_);
                pickup_ = std::make_unique<AdminPickupFlow>(*sim->bank(), store, services);
                return true;
            },
            [&](const cmd::OpenInternetOptions&) {
                if (bank() == nullptr || resetting()) {
                    last_result_ = BankResult::WrongStep;
                    return false;
                }
                PcCertificateStore& store = simulation_->mutable_pc(pc_);
                manager_ = std::make_unique<CertificateManagerFlow>(store, simulation_->authority(), bank()->now());
                return true;
            },
            [&](const cmd::CloseInternetOptions&) {
                manager_.reset();
                return true;
            },
            [&](const cmd::StartUserPickup&) { return start_user_flow(UserFlow::Mode::Pickup); },
            [&](const cmd::StartUserLogin&) { return start_user_flow(UserFlow::Mode::Login); },
            [&](const cmd::SetBrowserKind& c) {
                if (c.kind == browser_kind_) return false;
                leave_flow();  // another browser: the page opens again from the top
                site_page_ = SitePage::Top;
                browser_kind_ = c.kind;
                ie_mode_ = ie_banner_ = false;
                return true;
            },
            [&](const cmd::ReloadInIeMode&) {
                // Chrome has no IE mode (the seed: この方法で取得する場合は Microsoft Edge をご利用ください).
                if (browser_kind_ != BrowserKind::Edge || ie_mode_) {
                    last_result_ = BankResult::WrongStep;
                    return false;
                }
                leave_flow();  // a reload: the page starts again from the top
                site_page_ = SitePage::Top;
                ie_mode_ = ie_banner_ = true;
                return true;
            },
            [&](const cmd::CloseIeBanner&) {
                if (!ie_banner_) return false;
                ie_banner_ = false;
                return true;
            },
            [&](const cmd::OpenSitePage& c) {
                if (c.page == site_page_ && admin_ == nullptr && pickup_ == nullptr && user_ == nullptr) return false;
                leave_flow();
                site_page_ = c.page;
                return true;
            },
            [&](const cmd::LeaveIeMode&) {
                if (!ie_mode_) return false;
                leave_flow();
                site_page_ = SitePage::Top;
                ie_mode_ = ie_banner_ = false;
                return true;
            },
        },
        command);
}

bool Session::move_clock_to(SimTime to) {
    if (bank() == nullptr || saving_ || resetting()) {
        last_result_ = BankResult::WrongStep;
        return false;
    }
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
    if (bank() != nullptr && !saving_ && !resetting()) update();  // what changed is saved first
    if (bank() == nullptr) return {};
    return encode_world_archive(simulation_->export_world());
}

ArchiveError Session::import_world(std::span<const std::uint8_t> file, std::function<void(BankResult)> done) {
    WorldArchive archive;
    const ArchiveError e = decode_world_archive(file, archive);
    if (e != ArchiveError::None) return e;  // nothing read, nothing changed
    replace_world([this, archive = std::make_shared<WorldArchive>(std::move(archive))](
                      std::function<void(BankResult)> replaced) mutable {
        simulation_->import_world(std::move(*archive), std::move(replaced));
    }, std::move(done));
    return ArchiveError::None;
}

void Session::reset(Preset preset, std::function<void(BankResult)> done) {
    replace_world([this, preset](std::function<void(BankResult)> replaced) {
        simulation_->reset(preset, std::move(replaced));
    }, std::move(done));
}

void Session::replace_world(std::function<void(std::function<void(BankResult)>)> replace,
                            std::function<void(BankResult)> done) {
    if (bank() != nullptr && !saving_ && !resetting()) update();  // what changed is saved first
    if (bank() == nullptr || saving_ || resetting()) {
        if (done) done(BankResult::WrongStep);
        return;
    }
    leave_flow();
    site_page_ = SitePage::Top;  // the new world opens on the top page, as a reload does
    manager_.reset();
    unsaved_certificate_.clear();  // the world it belonged to is being replaced
    // Taken again from the world that is there when the reset ends (the new one, or on failure
    // the previous one, saved as it is).
    baseline_taken_ = false;
    clock_report_ = ClockReport{};  // it was about the world being replaced
    std::weak_ptr<bool> alive = alive_;
    replace([this, alive, done = std::move(done)](BankResult r) {
        if (alive.expired()) return;
        update();
        notify();
        if (done) done(r);
    });
    // The world is being replaced (resetting()): the page's status says so at once, not only when
    // the new world is in place.
    if (resetting()) notify();
}

void Session::pc_changes(const PcCertificateStore& store, const std::vector<std::string>& saved,
                         std::vector<InstalledCertificate>& written, std::vector<std::string>& removed) const {
    for (const InstalledCertificate& c : store.certificates)
        if (std::find(saved.begin(), saved.end(), c.serial) == saved.end()) written.push_back(c);
    for (const std::string& serial : saved)
        if (store.find(serial) == nullptr) removed.push_back(serial);
}

// Saves the first PC whose store changed; true when a save started (update() goes on when it ends).
bool Session::save_pc_changes() {
    for (PcId pc : {PcId::Admin, PcId::User}) {
        const PcCertificateStore& store = simulation_->pc(pc);
        std::vector<std::string>& saved = saved_serials_[static_cast<std::size_t>(pc)];
        std::vector<InstalledCertificate> written;
        std::vector<std::string> removed;
        pc_changes(store, saved, written, removed);
        if (written.empty() && removed.empty()) continue;
        std::vector<std::string> now;
        for (const InstalledCertificate& c : store.certificates) now.push_back(c.serial);
        saving_ = true;
        std::weak_ptr<bool> alive = alive_;
        std::vector<std::string> written_serials;
        for (const InstalledCertificate& c : written) written_serials.push_back(c.serial);
        simulation_->save_pc_store(store, std::move(written), std::move(removed),
                                   [this, alive, pc, now = std::move(now),
                                    written_serials = std::move(written_serials)](BankResult r) {
                                       if (alive.expired()) return;
                                       saving_ = false;
                                       saved_serials_[static_cast<std::size_t>(pc)] = now;
                                       if (r != BankResult::Ok) save_failure_ = r;
                                       settle_installations(written_serials, r);
                                       update();  // the other PC, then the bank
                                       notify();
                                   });
        return true;
    }
    return false;
}

void Session::settle_installations(const std::vector<std::string>& serials, BankResult saved) {
    Bank& bank = *simulation_->bank();
    for (const std::string& serial : serials) {
        const Issuance* issuance = bank.awaiting_installation(serial);
        if (issuance == nullptr) continue;
        if (saved == BankResult::Ok) (void)bank.confirm_installation(serial);
        else bank.report_install_failed(issuance->holder, serial, saved);
    }
}

bool Session::save_issuance_intent() {
    for (const Issuance& i : simulation_->bank()->state().issuances) {
        if (std::find(saved_issuances_.begin(), saved_issuances_.end(), i.serial) != saved_issuances_.end()) continue;
        save_bank_now();
        return true;
    }
    return false;
}

void Session::save_bank_now() {
    const std::size_t entries = simulation_->bank()->state().audit.entries().size();
    unsaved_bank_change_ = false;
    saving_ = true;
    std::weak_ptr<bool> alive = alive_;
    simulation_->save([this, alive, entries, awaiting = awaiting_serials(*simulation_->bank())](BankResult r) {
        if (alive.expired()) return;
        saving_ = false;
        // A failed save is shown (save_failure()) and not retried in a loop: the next change saves
        // the whole bank again, this one included.
        saved_audit_entries_ = entries;
        if (r != BankResult::Ok) {
            save_failure_ = r;
            // An issue whose intent the bank could not record must not stay valid: revoked now
            // (saved with the next bank save; the next start revokes it anyway).
            std::vector<std::string> unrecorded;
            for (const std::string& serial : awaiting)
                if (std::find(saved_issuances_.begin(), saved_issuances_.end(), serial) == saved_issuances_.end())
                    unrecorded.push_back(serial);
            settle_installations(unrecorded, r);
        }
        saved_issuances_ = awaiting;
        update();  // something may have changed while the save was in flight
        notify();
    });
}

void Session::update() {
    if (bank() == nullptr || resetting()) return;
    if (user_ != nullptr) (void)user_->poll();  // the app installs what the CA issued
    if (saving_) return;
    if (baseline_taken_ && save_issuance_intent()) return;  // the bank knows before any PC writes
    if (save_user_certificate()) return;  // the PC, then the bank confirms it
    const std::size_t entries = simulation_->bank()->state().audit.entries().size();
    if (!baseline_taken_) {  // the world as loaded (or created and saved) is the saved state
        baseline_taken_ = true;
        saved_audit_entries_ = entries;
        saved_issuances_ = awaiting_serials(*simulation_->bank());
        for (PcId pc : {PcId::Admin, PcId::User}) {
            std::vector<std::string>& saved = saved_serials_[static_cast<std::size_t>(pc)];
            saved.clear();
            const PcCertificateStore& store = simulation_->pc(pc);
            for (const InstalledCertificate& c : store.certificates) saved.push_back(c.serial);
        }
        return;
    }
    if (save_pc_changes()) return;
    if (entries == saved_audit_entries_ && !unsaved_bank_change_) return;
    save_bank_now();
}

}  // namespace cp
