// certportal replay: playing a recording (recording.h) back on a fresh world of its scenario.
//
//   session.reset(preset of recording.scenario, …);   // the caller gives the fresh world
//   Replayer replay(session, recording);
//   while (replay.step()) { /* draw, wait, or step by step */ }
//   replay.divergence();   // where and how it left the recording, if it did
//
// Each command is decoded (command_codec.h) with this world's stand-ins: a secret the recording
// says was given and right (its result Ok) is this world's known one (the presets' PINs, the card's
// answers to the challenge on screen, the token's code now, one key password for the keys the
// replay makes); a wrong one is a well-formed wrong value; one refused as malformed (InvalidInput)
// a value no rule accepts. Serials are mapped by PC and order (the recording's start and what each
// step installed). Real time passes as recorded. After each command the result and the screen
// shown must be the recording's: otherwise the replay stops there and says so — key bytes and
// serials differ from the original run, what a person sees and what the bank did do not.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "replay/recording.h"

namespace cp {

struct ReplayDivergence {
    std::size_t step = 0;  // index into Recording::steps (== steps.size(): the start)
    std::string what;      // one sentence: the command, what happened, what the recording says
};

class Replayer {
public:
    // `session` holds a fresh world of recording.scenario; both must outlive the replayer.
    Replayer(Session& session, const Recording& recording);

    // Applies the next step: false at the end, or once it diverged (nothing more is applied).
    bool step();
    // Every step left (natively everything completes at once; in the page a step may wait for a
    // save, so the page steps instead).
    void run();

    std::size_t position() const { return next_; }  // steps applied
    bool finished() const { return next_ == recording_.steps.size() && !divergence_; }
    const std::optional<ReplayDivergence>& divergence() const { return divergence_; }

private:
    bool diverge(std::size_t step, std::string what);
    Secret stand_in(const RecordedStep& step, std::string_view command, std::string_view field, bool given);
    std::string right_secret(std::string_view command, std::string_view field) const;
    void remember_user(const Command& command);

    Session& session_;
    const Recording& recording_;
    std::size_t next_ = 0;
    double real_time_ = 0;                       // the replay's own real clock (seconds)
    std::map<std::string, std::string> serials_;  // the recording's serial → this world's
    std::string user_id_;                        // the user the user's flow is about (one-time password, PIN)
    std::optional<ReplayDivergence> divergence_;
};

}  // namespace cp
