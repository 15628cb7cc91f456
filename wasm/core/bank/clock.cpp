#include "bank/clock.h"

namespace cp {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, public domain).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& year, int& month, int& day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
    month = static_cast<int>(m);
    day = static_cast<int>(d);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

}  // namespace

SimTime from_jst(const JstTime& t) {
    const std::int64_t d = days_from_civil(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day));
    return d * kSecondsPerDay + t.hour * kSecondsPerHour + t.minute * kSecondsPerMinute + t.second - kJstOffset;
}

JstTime to_jst(SimTime t) {
    const SimTime local = t + kJstOffset;
    const std::int64_t d = floor_div(local, kSecondsPerDay);
    const std::int64_t rest = local - d * kSecondsPerDay;
    JstTime out;
    civil_from_days(d, out.year, out.month, out.day);
    out.hour = static_cast<int>(rest / kSecondsPerHour);
    out.minute = static_cast<int>((rest % kSecondsPerHour) / kSecondsPerMinute);
    out.second = static_cast<int>(rest % kSecondsPerMinute);
    return out;
}

std::int64_t jst_day_number(SimTime t) { return floor_div(t + kJstOffset, kSecondsPerDay); }

bool SimClock::advance(SimTime seconds) {
    if (seconds < 0) return false;
    now_ += seconds;
    return true;
}

}  // namespace cp
