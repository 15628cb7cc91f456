// certportal ui: the portal as a function of its state.
//
// draw_portal() draws the page frame (the permanent simulator marker, the header with the
// language switch) and the current screen; it never changes the state, it appends Actions that
// the caller applies with cp::apply() after the frame.
#pragma once

#include <vector>

#include "portal/portal.h"

namespace cp::ui {

void draw_portal(const PortalState& state, std::vector<Action>& actions);

// Screens (one file each).
void draw_top_page(const PortalState& state, std::vector<Action>& actions);

}  // namespace cp::ui
