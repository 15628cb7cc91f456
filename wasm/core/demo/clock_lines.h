// certportal demo: the console's "what happened" list — one line of text per event of a clock move
// (sim/time_travel.h), in the catalogue's language.
#pragma once

#include <string>

#include "sim/time_travel.h"
#include "text/catalogue.h"

namespace cp {

std::string clock_event_line(const ClockEvent& event, Language language);

}  // namespace cp
