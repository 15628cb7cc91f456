// certportal replay: a recording as a file — exported after a run, opened elsewhere to replay it.
//
// JSON (docs/replay.md has the schema): {"format": "certportal-recording", "version": 1, the start
// (scenario, preset, audit_entries, started_at, start_screen, initial_serials), "steps": [...]}; a
// command step is {"at", "command", "fields": {name: value}, "result", "screen", "installed"}, a
// step of real time {"at", "time_passed"}. Secrets are in it only as "given" / "empty" (the codec).
// Reading checks everything and refuses the whole file with the first mistake and its place (line,
// column): a recording is replayed whole or not at all.
#pragma once

#include <string>
#include <string_view>

#include "replay/recording.h"

namespace cp {

std::string write_recording(const Recording& recording);

// True with `out` filled, or false with `error` ("line 3, column 14: …") and `out` untouched.
bool read_recording(std::string_view file, Recording& out, std::string& error);

}  // namespace cp
