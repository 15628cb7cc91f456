// certportal pki: time as the simulation sees it.
//
// Core never reads the system clock: every function that needs "now" takes a UnixTime from the
// caller (the simulated clock). Times are UTC seconds since 1970-01-01T00:00:00Z; display in JST
// is the UI's business. X.509 times outside 1950..9999 are rejected.
#pragma once

#include <cstdint>
#include <string>

namespace cp::pki {

using UnixTime = std::int64_t;

inline constexpr UnixTime kSecondsPerDay = 86400;
inline constexpr UnixTime kMinX509Time = -631152000;     // 1950-01-01T00:00:00Z
inline constexpr UnixTime kMaxX509Time = 253402300799;   // 9999-12-31T23:59:59Z

struct CivilTime {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

CivilTime civil_from_unix(UnixTime t);
UnixTime unix_from_civil(const CivilTime& c);
// "YYYYMMDDhhmmss", the form Mbed TLS's certificate writer takes.
std::string x509_time_string(UnixTime t);
// "2023-10-02 12:34:56 UTC" for logs and tests.
std::string iso_time_string(UnixTime t);
// Adds whole calendar years (Feb 29 becomes Feb 28 in a non-leap year).
UnixTime add_years(UnixTime t, int years);

}  // namespace cp::pki
