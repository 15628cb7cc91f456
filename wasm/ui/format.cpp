#include "format.h"

#include <cstdarg>
#include <cstdio>

namespace cp::ui {

std::string formatf(const char* format, ...) {
    // Measured first, then written: a long value never cuts the sentence around it.
    va_list args;
    va_start(args, format);
    va_list again;
    va_copy(again, args);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    const int n = std::vsnprintf(nullptr, 0, format, args);
    std::string out(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    if (n > 0) std::vsnprintf(out.data(), out.size() + 1, format, again);
#pragma GCC diagnostic pop
    va_end(again);
    va_end(args);
    return out;
}

std::string format_date(SimTime t, Language language) {
    const JstTime j = to_jst(t);
    if (language == Language::English) return formatf("%04d-%02d-%02d", j.year, j.month, j.day);
    return formatf("%04d%s%02d%s%02d%s", j.year, text(TextId::DateYearSuffix, language), j.month,
                   text(TextId::DateMonthSuffix, language), j.day, text(TextId::DateDaySuffix, language));
}

std::string format_date_time(SimTime t, Language language) {
    const JstTime j = to_jst(t);
    return format_date(t, language) + formatf(" %02d:%02d", j.hour, j.minute);
}

}  // namespace cp::ui
