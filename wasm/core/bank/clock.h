// certportal bank: the simulated clock. Nothing in bank/ reads the real time: every rule
// (expiry, renewal window, pickup window, branch delays, TOTP steps) reads this clock, which
// moves only when told to (time travel for demos) and is saved with the bank's state.
//
// Time is seconds since 1970-01-01T00:00:00Z (Unix time, no leap seconds). The bank is in
// Japan, so dates shown to people are in JST (UTC+9, no daylight saving): see JstTime.
#pragma once

#include <cstdint>

#include "pki/time.h"

namespace cp {

using SimTime = std::int64_t;  // seconds since the Unix epoch, UTC

inline constexpr SimTime kSecondsPerMinute = 60;
inline constexpr SimTime kSecondsPerHour = 3600;
inline constexpr SimTime kSecondsPerDay = 86400;
inline constexpr SimTime kJstOffset = 9 * kSecondsPerHour;

constexpr SimTime days(std::int64_t n) { return n * kSecondsPerDay; }

// A broken-down JST date and time (for display and for writing presets legibly): the PKI's
// civil time (its proleptic Gregorian calendar), read on the JST wall clock instead of UTC.
using JstTime = pki::CivilTime;

SimTime from_jst(const JstTime& t);
JstTime to_jst(SimTime t);

// The same JST date and time `years` later (earlier when negative); 29 February becomes 28
// February in a common year.
SimTime add_jst_years(SimTime t, int years);

// The JST calendar day number of t (days since 1970-01-01 JST), used for "once a day" rules.
std::int64_t jst_day_number(SimTime t);

class SimClock {
public:
    explicit SimClock(SimTime start = 0) : now_(start) {}
    SimTime now() const { return now_; }
    // Moves forward only: rules such as "a TOTP code is never accepted twice" rely on it.
    // Negative amounts are ignored (returns false).
    bool advance(SimTime seconds);
    // Sets the time (presets and loading a saved state). Going back is allowed here only.
    void set(SimTime t) { now_ = t; }

private:
    SimTime now_;
};

}  // namespace cp
