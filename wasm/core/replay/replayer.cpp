#include "replay/replayer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "portal/screen_shown.h"
#include "sim/presets.h"

namespace cp {

namespace {

// The one password the replay gives every key it makes at protection level 高 (the original's is
// never recorded), and asks back when such a key is used.
constexpr std::string_view kReplayKeyPassword = "Replay-Key-1";
// What the replay types for a secret the recording says was refused as malformed: no rule accepts it.
constexpr std::string_view kMalformedSecret = "!";

std::string two_digits(int n) {
    char text[4];
    std::snprintf(text, sizeof text, "%02d", n % 100);
    return text;
}

// A well-formed answer that is not `right` (same length, same kind of characters).
std::string wrong_like(const std::string& right) {
    if (!right.empty() && std::all_of(right.begin(), right.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::string wrong = right;
        wrong.back() = wrong.back() == '9' ? '0' : static_cast<char>(wrong.back() + 1);
        return wrong;
    }
    return right == "wrong0000" ? "wrong0001" : "wrong0000";
}

bool is_serial_field(const std::string& field) { return field == "serial" || field == "id"; }

}  // namespace

Replayer::Replayer(Session& session, const Recording& recording) : session_(session), recording_(recording) {
    const std::size_t start = recording.steps.size();
    if (session.bank() == nullptr) {
        (void)diverge(start, "the world is not ready");
        return;
    }
    if (world_preset(session) != recording.preset) {
        (void)diverge(start, "the replay's world is " + world_preset(session) + ", the recording's " + recording.preset);
        return;
    }
    if (session.bank()->state().audit.entries().size() != recording.audit_entries) {
        (void)diverge(start, "the replay's world is not the fresh world the recording started from");
        return;
    }
    if (screen_shown(session) != recording.start_screen) {
        (void)diverge(start, "the replay starts on " + screen_shown(session) + ", the recording on " + recording.start_screen);
        return;
    }
    for (PcId pc : {PcId::Admin, PcId::User}) {
        const std::vector<std::string>& recorded = recording.initial_serials[static_cast<int>(pc)];
        const std::vector<std::string> here = store_serials(session, pc);
        if (here.size() != recorded.size()) {
            (void)diverge(start, "a PC's store holds " + std::to_string(here.size()) + " certificates, the recording's " +
                                     std::to_string(recorded.size()));
            return;
        }
        for (std::size_t i = 0; i < here.size(); ++i) serials_[recorded[i]] = here[i];
    }
    session.follow_real_time(real_time_);  // the replay's clock from here (a baseline, no time passes)
}

bool Replayer::diverge(std::size_t step, std::string what) {
    divergence_ = ReplayDivergence{step, std::move(what)};
    return false;
}

std::string Replayer::right_secret(std::string_view command, std::string_view field) const {
    const Bank& bank = *session_.bank();
    if (command == "SubmitContractPin" || command == "SubmitPickupIds") return std::string(kSeedSecrets.contract_pin);
    if (command == "SubmitCertificateAction") return std::string(kSeedSecrets.confirmation_pin);
    if (command == "SubmitCardAnswers") {
        const AdminFlow* admin = session_.admin_flow();
        if (admin == nullptr) return {};
        const CardChallenge& c = admin->login().challenge();
        return two_digits(bank.state().contract.card.numbers[field == "first" ? c.first : c.second]);
    }
    if (command == "user.SubmitIds" || command == "user.SubmitPin") return preset_user_pin(user_id_);
    if (command == "user.SubmitOneTimePassword") return bank.token_display(user_id_);
    // GrantKeyAccess, user.GrantKeyAccess, CloseProtectionSettings: the replay's key password.
    return std::string(kReplayKeyPassword);
}

Secret Replayer::stand_in(const RecordedStep& step, std::string_view command, std::string_view field, bool given) {
    if (!given) return Secret();
    if (step.result == "InvalidInput") return Secret(kMalformedSecret);
    const std::string right = right_secret(command, field);
    if (step.result == "Ok") return Secret(right);
    // Refused: which secret was wrong is not recorded; a wrong PIN is the PIN, a mismatched key
    // password the second one.
    if (command == "CloseProtectionSettings" && field == "password") return Secret(right);
    return Secret(wrong_like(right));
}

void Replayer::remember_user(const Command& command) {
    const auto* user = std::get_if<UserCommand>(&command);
    if (user == nullptr) return;
    if (const auto* chosen = std::get_if<cmd::user::ChooseCertificate>(user)) {
        if (const PcCertificateStore* store = session_.pc_store(session_.desk().pc())) {
            if (const InstalledCertificate* c = store->find(chosen->serial)) user_id_ = c->subject.holder_id;
        }
    }
}

bool Replayer::step() {
    if (divergence_ || next_ >= recording_.steps.size()) return false;
    const std::size_t index = next_;
    const RecordedStep& step = recording_.steps[index];
    if (step.kind == RecordedStep::Kind::TimePassed) {
        real_time_ += static_cast<double>(step.seconds);
        session_.follow_real_time(real_time_);
        ++next_;
        return true;
    }
    // This world's serials in place of the recording's.
    CommandFields fields = step.command;
    for (auto& [name, value] : fields.fields) {
        if (name == "user_id") user_id_ = value;  // the PIN typed beside it is this user's
        if (!is_serial_field(name)) continue;
        if (auto it = serials_.find(value); it != serials_.end()) value = it->second;
    }
    Command command = make_command(cmd::LeaveFlow{});
    std::string error;
    const SecretStandIn secrets = [&](std::string_view c, std::string_view f, bool given) {
        return stand_in(step, c, f, given);
    };
    if (!decode_command(fields, secrets, command, error)) return diverge(index, "step " + std::to_string(index + 1) + ": " + error);
    remember_user(command);

    std::vector<std::string> before[2];
    for (PcId pc : {PcId::Admin, PcId::User}) before[static_cast<int>(pc)] = store_serials(session_, pc);
    const Session::Applied applied = session_.apply(command);
    ++next_;
    const std::string said = "step " + std::to_string(index + 1) + " (" + step.command.name + "): ";
    if (result_name(applied.result) != step.result)
        return diverge(index, said + "answered " + result_name(applied.result) + ", the recording " + step.result);
    if (screen_shown(session_) != step.screen)
        return diverge(index, said + "shows " + screen_shown(session_) + ", the recording " + step.screen);
    for (PcId pc : {PcId::Admin, PcId::User}) {
        const std::vector<std::string>& was = before[static_cast<int>(pc)];
        std::vector<std::string> added;
        for (const std::string& s : store_serials(session_, pc)) {
            if (std::find(was.begin(), was.end(), s) == was.end()) added.push_back(s);
        }
        const std::vector<std::string>& recorded = step.installed[static_cast<int>(pc)];
        if (added.size() != recorded.size())
            return diverge(index, said + "installed " + std::to_string(added.size()) + " certificates, the recording " +
                                      std::to_string(recorded.size()));
        for (std::size_t i = 0; i < added.size(); ++i) serials_[recorded[i]] = added[i];
    }
    return true;
}

void Replayer::run() {
    while (step()) {
    }
}

}  // namespace cp
