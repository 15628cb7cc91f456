// certportal demo: the guide — the seed's own numbered steps for the running scenario's procedure
// (seed 000, seed 001 part 1, seed 001 part 2, in the bank's words), which one the person is at,
// read from the session (the PC they sit at, the running flow and its screen), and the label of
// what that step clicks, for the guide's "show me" outline.
#pragma once

#include <cstddef>
#include <span>

#include "demo/scenarios.h"
#include "portal/session.h"

namespace cp {

struct GuideStep {
    TextId text;    // the step, numbered as in the seed
    TextId target;  // the label of the widget the step clicks; TextId::Count_: nothing to click
};

// The steps of `procedure` (empty for None and BranchForm) and its heading.
std::span<const GuideStep> guide_steps(SeedProcedure procedure);
TextId guide_title(SeedProcedure procedure);

struct GuidePosition {
    std::size_t step = 0;  // index into guide_steps()
    bool done = false;     // the procedure's last screen was reached
};
// Where the person is in `procedure` now.
GuidePosition guide_position(SeedProcedure procedure, const Session& session);

}  // namespace cp
