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
    // The top page's button that leads to `target`'s page (the seed's 「管理者ログインをクリックし、
    // 電子証明書方式 管理者ログインをクリック」); TextId::Count_: `target` is where the step starts.
    TextId page = TextId::Count_;
};

// The steps of `procedure` (empty for None and BranchForm) and its heading.
std::span<const GuideStep> guide_steps(SeedProcedure procedure);
TextId guide_title(SeedProcedure procedure);

struct GuidePosition {
    std::size_t step = 0;  // index into guide_steps()
    bool done = false;     // the procedure's last screen was reached
    TextId target = TextId::Count_;  // what to click now: the step's target, or first its page's button
};
// Where the person is in `procedure` now.
GuidePosition guide_position(SeedProcedure procedure, const Session& session);

}  // namespace cp
