// certportal ui: dates and numbers as the portal shows them. Japanese: 2023年10月02日 10:00;
// English: ISO 8601 (2023-10-02 10:00). Times are the bank's (JST, the simulated clock).
#pragma once

#include <string>

#include "bank/clock.h"
#include "text/catalogue.h"

namespace cp::ui {

std::string format_date(SimTime t, Language language);
std::string format_date_time(SimTime t, Language language);
// printf into a std::string. The format is a catalogue entry (%s / %u), so it is not a literal the
// compiler can check: each entry's conversions are checked by the catalogue test instead.
std::string formatf(const char* format, ...);

}  // namespace cp::ui
