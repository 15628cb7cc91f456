// certportal replay: a command as a name and named fields, and back — what a recording stores for
// each command a person gave (docs/architecture.md, "The seam the next features share").
//
//   CommandFields f = encode_command(command);   // {"SubmitIds", {{"contract_id", "…"}, {"pin", "given"}}}
//   decode_command(f, secrets, command, error);  // the same command; the secrets from `secrets`
//
// Names are stable (a recording outlives releases: never rename one); the user's flow's commands,
// which share the administrator's names, are "user.ChooseCertificate" and so on. A secret is
// written only as "given" or "empty" (recorded()); decoding asks the caller for the stand-in — the
// world's known secret, or a wrong one, as the recorded result says. Enumerations are written as
// their numbers and checked on the way back; text is kept as typed.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "portal/commands.h"

namespace cp {

struct CommandFields {
    std::string name;
    std::vector<std::pair<std::string, std::string>> fields;  // in the command's order
    bool operator==(const CommandFields&) const = default;
};

CommandFields encode_command(const Command& command);

// The stand-in for a recorded secret: the command's name, the field's name and whether one was given.
using SecretStandIn = std::function<Secret(std::string_view command, std::string_view field, bool given)>;

// Fills `out` and returns true, or returns false with `error` saying what is wrong (an unknown
// name, a missing, unknown or malformed field) and leaves `out` as it was.
bool decode_command(const CommandFields& fields, const SecretStandIn& secrets, Command& out, std::string& error);

// Every command's name, in the order of the Command variants (for tests and documentation).
std::vector<std::string_view> command_names();

}  // namespace cp
