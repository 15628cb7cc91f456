#include "format.h"

#include <cstdarg>
#include <cstdio>

namespace cp::ui {

std::string formatf(const char* format, ...) {
    char buffer[1024];
    va_list args;
    va_start(args, format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    std::vsnprintf(buffer, sizeof(buffer), format, args);
#pragma GCC diagnostic pop
    va_end(args);
    return buffer;
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
