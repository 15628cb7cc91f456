#include "replay/recording.h"

#include <algorithm>

#include "portal/screen_shown.h"

namespace cp {

std::vector<std::string> store_serials(const Session& session, PcId pc) {
    std::vector<std::string> serials;
    if (const PcCertificateStore* store = session.pc_store(pc)) {
        for (const InstalledCertificate& c : store->certificates) serials.push_back(c.serial);
    }
    return serials;
}

std::string world_preset(const Session& session) {
    if (session.bank() == nullptr) return {};
    const auto& entries = session.bank()->state().audit.entries();
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        if (it->action == AuditAction::PresetLoaded) return it->target;
    }
    return {};
}

namespace {

SimTime bank_time(const Session& session) { return session.bank() != nullptr ? session.bank()->now() : 0; }

}  // namespace

Recorder::Recorder(const Session& session, std::string scenario) {
    recording_.scenario = std::move(scenario);
    recording_.preset = world_preset(session);
    recording_.audit_entries = session.bank() != nullptr ? session.bank()->state().audit.entries().size() : 0;
    recording_.started_at = bank_time(session);
    recording_.start_screen = screen_shown(session);
    for (PcId pc : {PcId::Admin, PcId::User}) {
        serials_[static_cast<int>(pc)] = store_serials(session, pc);
        recording_.initial_serials[static_cast<int>(pc)] = serials_[static_cast<int>(pc)];
    }
}

Session::Applied Recorder::apply(Session& session, const Command& command) {
    RecordedStep step;
    step.at = bank_time(session);
    step.command = encode_command(command);
    const Session::Applied applied = session.apply(command);
    step.result = result_name(applied.result);
    step.screen = screen_shown(session);
    for (PcId pc : {PcId::Admin, PcId::User}) {
        std::vector<std::string>& before = serials_[static_cast<int>(pc)];
        std::vector<std::string> now = store_serials(session, pc);
        for (const std::string& s : now) {
            if (std::find(before.begin(), before.end(), s) == before.end()) step.installed[static_cast<int>(pc)].push_back(s);
        }
        before = std::move(now);
    }
    recording_.steps.push_back(std::move(step));
    return applied;
}

void Recorder::follow_real_time(Session& session, double seconds) {
    const SimTime before = bank_time(session);
    session.follow_real_time(seconds);
    const SimTime passed = bank_time(session) - before;
    if (passed <= 0) return;
    // Consecutive seconds with no command between them are one step.
    if (!recording_.steps.empty() && recording_.steps.back().kind == RecordedStep::Kind::TimePassed) {
        recording_.steps.back().seconds += passed;
        return;
    }
    RecordedStep step;
    step.kind = RecordedStep::Kind::TimePassed;
    step.at = before;
    step.seconds = passed;
    recording_.steps.push_back(std::move(step));
}

}  // namespace cp
