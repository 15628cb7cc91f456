#include "bank/clock.h"

namespace cp {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

}  // namespace

// The calendar is the PKI's (pki/time.h): JST is UTC moved on by kJstOffset.
SimTime from_jst(const JstTime& t) { return pki::unix_from_civil(t) - kJstOffset; }

JstTime to_jst(SimTime t) { return pki::civil_from_unix(t + kJstOffset); }

SimTime add_jst_years(SimTime t, int years) { return pki::add_years(t + kJstOffset, years) - kJstOffset; }

std::int64_t jst_day_number(SimTime t) { return floor_div(t + kJstOffset, kSecondsPerDay); }

bool SimClock::advance(SimTime seconds) {
    if (seconds < 0) return false;
    now_ += seconds;
    return true;
}

}  // namespace cp
