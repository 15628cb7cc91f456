// certportal pki: civil-time conversions (proleptic Gregorian, UTC; Howard Hinnant's algorithms).
#include "pki/time.h"

#include <cstdio>

namespace cp::pki {
namespace {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

CivilTime civil_from_unix(UnixTime t) {
    std::int64_t days = t / kSecondsPerDay;
    std::int64_t secs = t % kSecondsPerDay;
    if (secs < 0) {
        secs += kSecondsPerDay;
        days -= 1;
    }
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    CivilTime c;
    c.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
    c.month = static_cast<int>(m);
    c.day = static_cast<int>(d);
    c.hour = static_cast<int>(secs / 3600);
    c.minute = static_cast<int>((secs % 3600) / 60);
    c.second = static_cast<int>(secs % 60);
    return c;
}

UnixTime unix_from_civil(const CivilTime& c) {
    return days_from_civil(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day)) *
               kSecondsPerDay +
           std::int64_t{c.hour} * 3600 + std::int64_t{c.minute} * 60 + c.second;
}

std::string x509_time_string(UnixTime t) {
    const CivilTime c = civil_from_unix(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", c.year, c.month, c.day, c.hour,
                  c.minute, c.second);
    return buf;
}

std::string iso_time_string(UnixTime t) {
    const CivilTime c = civil_from_unix(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d UTC", c.year, c.month, c.day,
                  c.hour, c.minute, c.second);
    return buf;
}

UnixTime add_years(UnixTime t, int years) {
    CivilTime c = civil_from_unix(t);
    c.year += years;
    if (c.month == 2 && c.day == 29 && !is_leap(c.year)) {
        c.day = 28;
    }
    return unix_from_civil(c);
}

}  // namespace cp::pki
