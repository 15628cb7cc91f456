// certportal replay: a recording of what a person did in a session, and the recorder that makes it.
//
// A recording is the starting world (a scenario id: the replay starts from that scenario's fresh
// world) plus, in order, each command with the simulated time it was applied at, the result it
// answered and the screen shown after it, and each run of real time that passed between commands
// (docs/architecture.md, "The seam the next features share"). Commands are stored as names and
// fields (command_codec.h): a secret only as given / empty. Certificates are named by serial, which
// differ in another world: the recording also keeps the serials each PC's store held at the start
// and those each step added, so a replay can map them by PC and order.
#pragma once

#include <string>
#include <vector>

#include "portal/session.h"
#include "replay/command_codec.h"

namespace cp {

struct RecordedStep {
    enum class Kind : std::uint8_t { AppliedCommand, TimePassed };
    Kind kind = Kind::AppliedCommand;
    SimTime at = 0;                        // the bank's time before the step
    CommandFields command;                 // AppliedCommand
    std::string result;                    // AppliedCommand: result_name() of its answer
    std::string screen;                    // AppliedCommand: screen_shown() after it
    std::vector<std::string> installed[2]; // AppliedCommand: serials it added to each PC's store (PcId order)
    SimTime seconds = 0;                   // TimePassed: whole seconds of real time
};

struct Recording {
    std::string scenario;                       // demo/scenarios.h id of the starting world
    std::string preset;                         // the world's preset, as its audit log names it
    std::size_t audit_entries = 0;              // the world's audit entries at the start (fresh: the preset's)
    SimTime started_at = 0;                     // the bank's time at the start
    std::string start_screen;                   // screen_shown() at the start
    std::vector<std::string> initial_serials[2];  // each PC's store at the start, in order (PcId order)
    std::vector<RecordedStep> steps;
};

// The preset the session's world was made from (its audit log's last PresetLoaded), "" if none.
std::string world_preset(const Session& session);

// The serials of a PC's store, in order (what the recording compares before and after a step).
std::vector<std::string> store_serials(const Session& session, PcId pc);

class Recorder {
public:
    // Starts recording `session` as it is now: a fresh world of `scenario`.
    Recorder(const Session& session, std::string scenario);

    // What the page calls instead of Session::apply and Session::follow_real_time while it records.
    Session::Applied apply(Session& session, const Command& command);
    void follow_real_time(Session& session, double seconds);

    const Recording& recording() const { return recording_; }

private:
    Recording recording_;
    std::vector<std::string> serials_[2];  // each PC's store after the last step
};

}  // namespace cp
