#include "demo/console.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "demo/audit_json.h"
#include "pki/bytes.h"
#include "sim/world_archive.h"
#include "tls/pcapng.h"

namespace cp {
namespace {

template <class... F>
struct Overload : F... {
    using F::operator()...;
};
template <class... F>
Overload(F...) -> Overload<F...>;

std::size_t last_preset_entry(const AuditLog& log, const AuditEntry** entry) {
    const auto& all = log.entries();
    for (std::size_t i = all.size(); i-- > 0;)
        if (all[i].action == AuditAction::PresetLoaded) {
            if (entry != nullptr) *entry = &all[i];
            return i;
        }
    return all.size();
}

bool digits(std::string_view s, int& out) {
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return !s.empty();
}

int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::size_t progress_entries(const AuditLog& log) {
    const std::size_t at = last_preset_entry(log, nullptr);
    return at == log.entries().size() ? log.entries().size() : log.entries().size() - at - 1;
}

const Scenario& running_scenario(const AuditLog& log) {
    const AuditEntry* entry = nullptr;
    last_preset_entry(log, &entry);
    if (entry != nullptr)
        for (const Scenario& s : scenarios())
            if (entry->target == preset_name(s.preset)) return s;
    return scenarios().front();
}

bool parse_console_date(std::string_view text, SimTime now, SimTime& out) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    if (!digits(text.substr(0, 4), y) || !digits(text.substr(5, 2), m) || !digits(text.substr(8, 2), d)) return false;
    if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
    JstTime t = to_jst(now);
    t.year = y;
    t.month = m;
    t.day = d;
    out = from_jst(t);
    return true;
}

void DemoConsole::set_link(const LinkParams& link) {
    link_problems_ = link.problems;
    kiosk_ = link.kiosk;
    idle_minutes_ = link.idle_minutes;
    if (link.scenario != nullptr) kiosk_scenario_ = link.scenario;
    if (kiosk_) open_ = false;
    else if (link.guide) open_ = true;  // the guide lives in the console
}

void DemoConsole::note_input(double now) {
    last_input_ = now;
    countdown_ = 0;
}

double DemoConsole::idle_tick(double now, Session& session) {
    if (!kiosk_ || busy_ || session.bank() == nullptr || session.resetting()) return 0.0;
    if (last_input_ < 0) last_input_ = now;
    const double idle = idle_minutes_ * 60.0;
    const double countdown = std::min(kCountdownSeconds, idle / 2);
    const double left = last_input_ + idle - now;
    if (left <= 0) {  // time is up: back to the kiosk's scenario, on a fresh world, without asking
        countdown_ = 0;
        last_input_ = now;
        open_ = false;
        start(*kiosk_scenario_, session);
        return idle - countdown;
    }
    if (left > countdown) {
        countdown_ = 0;
        return left - countdown;  // sleep until the countdown starts
    }
    countdown_ = static_cast<int>(std::ceil(left));
    return left - (countdown_ - 1);  // the next whole second of the countdown
}

DemoConsole::~DemoConsole() {
    if (download_) pki::secure_wipe(download_->bytes.data(), download_->bytes.size());
}

bool DemoConsole::step_clock(SimTime to, Session& session) {
    session.apply(make_command(cmd::MoveClockTo{to}));
    result_ = session.last_result();
    say(result_ == FlowResult::Ok ? ConsoleMessage::None : ConsoleMessage::Failed);
    return true;
}

void DemoConsole::start(const Scenario& scenario, Session& session) {
    confirming_ = nullptr;
    busy_ = true;
    say(ConsoleMessage::Busy);
    std::weak_ptr<bool> alive = alive_;
    session.reset(scenario.preset, [this, alive](FlowResult r) {
        if (alive.expired()) return;
        busy_ = false;
        result_ = r;
        say(r == FlowResult::Ok ? ConsoleMessage::None : ConsoleMessage::Failed);
    });
}

void DemoConsole::import_file(std::span<const std::uint8_t> file, Session& session) {
    busy_ = true;
    say(ConsoleMessage::Busy);
    std::weak_ptr<bool> alive = alive_;
    archive_error_ = session.import_world(file, [this, alive, &session](FlowResult r) {
        if (alive.expired()) return;
        busy_ = false;
        result_ = r;
        sealed_ = session.simulation()->unusable_keys().size();
        say(r == FlowResult::Ok ? ConsoleMessage::Imported : ConsoleMessage::Failed);
    });
    if (archive_error_ != ArchiveError::None) {
        busy_ = false;
        say(ConsoleMessage::ImportRefused);
    }
}

bool DemoConsole::apply(const ConsoleCommand& command, Session& session) {
    const Bank* bank = session.bank();
    return std::visit(
        Overload{
            [&](const console::Toggle&) {
                open_ = !open_;
                return true;
            },
            [&](const console::ChooseScenario& c) {
                if (bank == nullptr || busy_ || c.scenario == nullptr) return false;
                if (progress_entries(bank->state().audit) > 0) {
                    confirming_ = c.scenario;
                    open_ = true;  // the question is in the console (a link's scenario asks it at once)
                } else {
                    start(*c.scenario, session);
                }
                return true;
            },
            [&](const console::Confirm& c) {
                if (confirming_ == nullptr) return false;
                if (c.yes) start(*confirming_, session);
                confirming_ = nullptr;
                return true;
            },
            [&](const console::StepClock& c) {
                if (bank == nullptr) return false;
                return step_clock(clock_step_target(bank->now(), c.step), session);
            },
            [&](const console::MoveToDate&) {
                SimTime to = 0;
                if (bank == nullptr) return false;
                if (!parse_console_date(date_.data(), bank->now(), to) || jst_day_number(to) < jst_day_number(bank->now())) {
                    say(ConsoleMessage::BadDate);
                    return true;
                }
                return step_clock(std::max(to, bank->now()), session);
            },
            [&](const console::VerifyAudit&) {
                if (bank == nullptr) return false;
                const AuditLog& log = bank->state().audit;
                count_ = log.first_invalid();
                if (count_ == log.entries().size()) say(ConsoleMessage::AuditVerified);
                else {
                    ++count_;  // 1-based, as the admin's 操作履歴監査 says it
                    say(ConsoleMessage::AuditBroken);
                }
                return true;
            },
            [&](const console::ExportAudit&) {
                if (bank == nullptr) return false;
                const std::string json = audit_log_json(bank->state().audit);
                download_ = Download{"certportal-audit-log.json", "application/json", {json.begin(), json.end()}};
                return true;
            },
            [&](const console::ExportWorld&) {
                if (bank == nullptr || busy_) return false;
                const WorldArchive world = session.simulation()->export_world();
                pki::SecretBytes file = session.export_world();
                if (download_) pki::secure_wipe(download_->bytes.data(), download_->bytes.size());
                download_ = Download{"certportal-world.cpworld", "application/octet-stream",
                                     {file.view().begin(), file.view().end()}};
                bytes_ = file.size();
                sealed_ = device_sealed_key_count(world);
                say(ConsoleMessage::Exported);
                return true;
            },
            [&](const console::ImportWorld&) {
                if (bank == nullptr || busy_) return false;
                file_request_ = true;
                return true;
            },
            [&](const console::SaveHandshake& c) {
                if (c.capture == nullptr) return false;
                if (download_) pki::secure_wipe(download_->bytes.data(), download_->bytes.size());
                download_ = handshake_download(*c.capture, c.file);
                return true;
            },
            [&](const console::ToggleShowMe&) {
                show_me_ = !show_me_;
                return true;
            },
            [&](const console::DismissLinkProblems&) {
                if (link_problems_.empty()) return false;
                link_problems_.clear();
                return true;
            },
            [&](const console::DismissMessage&) {
                if (message_ == ConsoleMessage::None) return false;
                say(ConsoleMessage::None);
                return true;
            },
        },
        command);
}

DemoConsole::Download handshake_download(const tls::Capture& capture, console::HandshakeFile file) {
    std::string name = std::string("certportal-handshake-") + (capture.version == tls::Version::Tls12 ? "tls12-" : "tls13-") +
                       tls::outcome_name(capture.outcome);
    if (file == console::HandshakeFile::KeyLog)
        return {name + ".keys", "text/plain", {capture.key_log.begin(), capture.key_log.end()}};
    return {name + ".pcapng", "application/octet-stream", tls::write_pcapng(capture.records, capture.key_log)};
}

std::optional<DemoConsole::Download> DemoConsole::take_download() {
    std::optional<Download> d = std::move(download_);
    download_.reset();
    return d;
}

bool DemoConsole::take_file_request() {
    const bool r = file_request_;
    file_request_ = false;
    return r;
}

}  // namespace cp
