// certportal tasks: what a participant is asked to do — a starting scenario, a goal checked on the
// real state (goal.h), an optional time limit, whether the guide's 「どこをクリックするか表示」 may be used (it is
// counted as a hint either way it is offered), and a short brief in both languages.
//
// Built-in tasks (builtin_tasks()) have stable ids for links (?task=<id>; never rename one) and
// briefs from the string catalogue; a task file's tasks carry their own text.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "tasks/goal.h"
#include "text/catalogue.h"

namespace cp {

// A brief: a catalogue text (built-in tasks, so a profile's copy deck can change it) or the text a
// task file gives in each language.
struct TaskText {
    TextId id = TextId::Count_;  // Count_: not from the catalogue
    std::string ja;
    std::string en;
    std::string_view in(Language language) const;
};

struct Task {
    std::string id;        // ?task=<id>
    std::string scenario;  // the scenario it starts from (demo/scenarios.h: ?scenario=<id>)
    TaskText title;
    TaskText brief;
    Goal goal;
    std::uint32_t time_limit_seconds = 0;  // 0: no limit
    bool hints_allowed = true;             // the guide's 「どこをクリックするか表示」 is offered
};

// One per seed procedure and the main failure recoveries (docs/tasks.md lists them).
std::span<const Task> builtin_tasks();
// nullptr for an unknown id.
const Task* find_builtin_task(std::string_view id);

}  // namespace cp
